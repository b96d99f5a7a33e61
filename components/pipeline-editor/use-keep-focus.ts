"use client";
// Moving a row re-orders DOM nodes, and a moved node can lose focus. Call `keep(fallbackId)` before the
// change: after the next render the element that had focus gets it back, or, if it is gone or disabled
// (e.g. the "up" button of a row now first), the fallback element does.
import { useEffect, useRef } from "react";

export function useKeepFocus(): (fallbackId: () => string) => void {
  const pending = useRef<{ element: Element | null; fallbackId: () => string } | null>(null);

  useEffect(() => {
    const target = pending.current;
    if (!target) return;
    pending.current = null;
    const { element } = target;
    if (element instanceof HTMLElement && element.isConnected && !element.matches(":disabled")) {
      if (document.activeElement !== element) element.focus();
      return;
    }
    document.getElementById(target.fallbackId())?.focus();
  });

  return (fallbackId) => {
    pending.current = { element: document.activeElement, fallbackId };
  };
}
