"use client";
// Copies a value to the clipboard and says so; falls back to selecting the text for a manual copy.
import { useState } from "react";
import { buttonSecondary } from "../ui/styles";

export function CopyButton({ value, targetId }: { value: string; targetId?: string }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "select">("idle");
  return (
    <button
      type="button"
      className={buttonSecondary}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value);
          setCopied("copied");
        } catch {
          // No clipboard access (e.g. not a secure context): select the text so Ctrl+C works.
          const target = targetId ? document.getElementById(targetId) : null;
          if (target) window.getSelection()?.selectAllChildren(target);
          setCopied("select");
        }
      }}
    >
      {copied === "copied" ? "Copied" : copied === "select" ? "Press Ctrl+C" : "Copy"}
    </button>
  );
}
