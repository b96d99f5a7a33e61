"use client";
// The two steps every bulk change of the log takes, whatever it selects (ticked rows, everything a filter
// matches, everything failed since a time): the server counts what the change would touch, the admin
// confirms that number in a dialog, the server changes what matches then and says so. One hook, so the
// confirmation reads and behaves the same everywhere (focus in the dialog, Esc keeps the rows as they are).
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/ui/dialog";
import type { TActionState } from "@/lib/actions/action-state";

export type TConfirmPrompt = {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  tone: "primary" | "danger";
  /** the change, run once the admin confirms */
  change: () => Promise<TActionState<unknown>>;
};

/** What a count step answers: a prompt to confirm, or why there is nothing to do. */
export type TCountAnswer = { prompt: TConfirmPrompt } | { nothing: string };

type TOutcome = { tone: "ok" | "error" | "info"; text: string };

export function useConfirmedChange(testIds = { confirm: "bulk-confirm", result: "bulk-result" }) {
  const queryClient = useQueryClient();
  const [busy, startTransition] = useTransition();
  const [prompt, setPrompt] = useState<TConfirmPrompt | null>(null);
  const [outcome, setOutcome] = useState<TOutcome | null>(null);
  const [phase, setPhase] = useState<"idle" | "counting" | "changing">("idle");

  /** Step one: ask the server to count; on an answer, open the confirmation (or say there is nothing). */
  const ask = (count: () => Promise<TActionState<TCountAnswer>>) => {
    setOutcome(null);
    setPhase("counting");
    startTransition(async () => {
      const answer = await count();
      setPhase("idle");
      if (answer.status === "error") setOutcome({ tone: "error", text: answer.message });
      if (answer.status !== "ok") return;
      const data = answer.data;
      if ("nothing" in data) setOutcome({ tone: "info", text: data.nothing });
      else setPrompt(data.prompt);
    });
  };

  const confirm = () => {
    const current = prompt;
    if (!current) return;
    setPrompt(null);
    setPhase("changing");
    startTransition(async () => {
      const result = await current.change();
      setPhase("idle");
      if (result.status === "ok" || result.status === "error") {
        setOutcome({ tone: result.status === "ok" ? "ok" : "error", text: result.message });
      }
      await queryClient.invalidateQueries({ queryKey: ["admin-deliveries"] });
      await queryClient.invalidateQueries({ queryKey: ["failure-groups"] });
    });
  };

  const ui = (
    <>
      {phase === "counting" ? <p className="mt-3 text-sm text-slate-600">Counting what this would change…</p> : null}
      {phase === "changing" ? <p className="mt-3 text-sm text-slate-600">Changing…</p> : null}
      {outcome ? (
        <p
          role={outcome.tone === "error" ? "alert" : "status"}
          className={`mt-3 text-sm ${outcome.tone === "error" ? "text-red-800" : outcome.tone === "ok" ? "text-emerald-800" : "text-slate-700"}`}
          data-testid={outcome.tone === "info" ? "bulk-nothing" : testIds.result}
        >
          {outcome.text}
        </p>
      ) : null}
      <ConfirmDialog
        open={prompt !== null}
        onOpenChange={(open) => {
          if (!open) setPrompt(null);
        }}
        title={prompt?.title ?? ""}
        description={prompt?.description}
        confirmLabel={prompt?.confirmLabel ?? ""}
        tone={prompt?.tone ?? "primary"}
        // Not `busy`: the count's transition is still finishing as the dialog opens, and a disabled
        // button could not take the focus. Confirming closes the dialog at once anyway.
        onConfirm={confirm}
        testId={testIds.confirm}
      />
    </>
  );
  return { ask, busy, ui };
}

/** The FormData a server action receives: each entry once, arrays as repeated fields. */
export function formOf(fields: Record<string, string | readonly string[] | number | undefined>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === "") continue;
    if (Array.isArray(value)) for (const item of value) data.append(key, item);
    else data.set(key, String(value));
  }
  return data;
}
