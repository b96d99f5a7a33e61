"use client";
// The app's one dialog, on Radix's primitive: it moves focus into itself when it opens (to the first
// focusable element, or `initialFocus`), keeps Tab inside, closes on Esc and gives focus back to what
// opened it. Confirmations use ConfirmDialog below instead of window.confirm (which cannot be styled,
// tested, or read as the app's own words).
import * as RadixDialog from "@radix-ui/react-dialog";
import { type ReactNode, type RefObject, useRef } from "react";
import { buttonDanger, buttonPrimary, buttonSecondary } from "./styles";

export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  initialFocus,
  testId,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** what receives focus when the dialog opens (default: its first focusable element) */
  initialFocus?: RefObject<HTMLElement | null>;
  testId?: string;
}) {
  // Radix gives focus back only to a Dialog.Trigger; ours are opened from state, so remember the opener.
  const openerRef = useRef<HTMLElement | null>(null);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <RadixDialog.Content
          data-testid={testId}
          onOpenAutoFocus={(event) => {
            openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
            if (!initialFocus?.current) return;
            event.preventDefault();
            initialFocus.current.focus();
          }}
          onCloseAutoFocus={(event) => {
            // An opener the confirmed change removed is skipped: the change decides where focus goes.
            const opener = openerRef.current;
            openerRef.current = null;
            if (!opener?.isConnected) return;
            event.preventDefault();
            opener.focus();
          }}
          // Without a description Radix warns unless aria-describedby is set explicitly.
          {...(description ? {} : { "aria-describedby": undefined })}
          className="fixed left-1/2 top-1/2 z-50 max-h-[85vh] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-slate-200 bg-white p-5 shadow-xl focus:outline-none"
        >
          <RadixDialog.Title className="text-base font-semibold text-slate-900">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description className="mt-1 text-sm text-slate-600">{description}</RadixDialog.Description>
          ) : null}
          <div className="mt-4">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** "Retry 12 deliveries?" with a confirm and a keep-as-is button; the confirm button has focus on open. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel = "Keep them as they are",
  tone = "primary",
  busy = false,
  onConfirm,
  testId,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  tone?: "primary" | "danger";
  busy?: boolean;
  onConfirm: () => void;
  testId?: string;
}) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      description={description}
      testId={testId}
      initialFocus={confirmRef}
    >
      <div className="flex flex-wrap justify-end gap-2">
        <RadixDialog.Close asChild>
          <button type="button" className={buttonSecondary}>
            {cancelLabel}
          </button>
        </RadixDialog.Close>
        <button
          ref={confirmRef}
          type="button"
          className={tone === "danger" ? buttonDanger : buttonPrimary}
          disabled={busy}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
