"use client";
// A form bound to a server action through useActionState: shows the action's message or error, marks
// the fields it names, and disables the submit button while the action runs. Fields read their errors
// through context (see field.tsx), so pages compose forms from server-rendered children.
import {
  createContext,
  type ReactNode,
  startTransition,
  useActionState,
  useContext,
  useEffect,
  useRef,
  useState,
} from "react";
import { IDLE_STATE, type TActionState, type TFieldErrors } from "@/lib/actions/action-state";
import { ConfirmDialog } from "../ui/dialog";
import { buttonPrimary } from "../ui/styles";

type Action<T> = (prev: TActionState<T>, formData: FormData) => Promise<TActionState<T>>;

const FieldErrorsContext = createContext<TFieldErrors>({});

export function useFieldError(name: string): string | undefined {
  return useContext(FieldErrorsContext)[name];
}

export function ActionForm<T>({
  action,
  submitLabel,
  pendingLabel = "Saving…",
  submitClassName = buttonPrimary,
  confirmMessage,
  className = "space-y-4",
  showSuccess = true,
  children,
  after,
  ariaLabel,
  resetOnSuccess = true,
  noValidate = false,
  actionsClassName = "flex flex-wrap items-center gap-3",
  onSuccess,
}: {
  action: Action<T>;
  submitLabel: string;
  pendingLabel?: string;
  submitClassName?: string;
  /** asks the browser to confirm before submitting (e.g. revoking a key) */
  confirmMessage?: string;
  className?: string;
  showSuccess?: boolean;
  children?: ReactNode;
  /** rendered under the form with the latest state, e.g. a key shown once */
  after?: (state: TActionState<T>) => ReactNode;
  ariaLabel?: string;
  resetOnSuccess?: boolean;
  noValidate?: boolean;
  /** classes of the row holding the submit button and the status message */
  actionsClassName?: string;
  /** runs once per successful submission, with what was submitted (e.g. sign in with it) */
  onSuccess?: (state: TActionState<T>, submitted: FormData) => void;
}) {
  const [state, formAction, pending] = useActionState<TActionState<T>, FormData>(action, IDLE_STATE);
  const formRef = useRef<HTMLFormElement>(null);
  // What the person submitted, held while the confirmation dialog asks (the app's own, never window.confirm).
  const [asking, setAsking] = useState<FormData | null>(null);
  const submitted = useRef<FormData | null>(null);
  // The state last handled: a success resets the form and calls onSuccess once, however often the
  // effect runs for it (React's development double-run of effects included).
  const handled = useRef<TActionState<T> | null>(null);
  const fieldErrors = state.status === "error" ? state.fieldErrors : {};
  // Submitting through onSubmit (not <form action>) keeps what the person typed when the action reports
  // an error; the fields are cleared only after a success.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per new state, not per new onSuccess closure.
  useEffect(() => {
    if (state.status !== "ok" || handled.current === state) return;
    handled.current = state;
    if (resetOnSuccess) formRef.current?.reset();
    if (onSuccess && submitted.current) onSuccess(state, submitted.current);
  }, [state, resetOnSuccess]);
  const submit = (formData: FormData) => {
    submitted.current = formData;
    startTransition(() => formAction(formData));
  };
  return (
    <FieldErrorsContext.Provider value={fieldErrors}>
      <form
        ref={formRef}
        className={className}
        aria-label={ariaLabel}
        noValidate={noValidate}
        onSubmit={(event) => {
          event.preventDefault();
          const formData = new FormData(event.currentTarget);
          if (confirmMessage) setAsking(formData);
          else submit(formData);
        }}
      >
        {children}
        <div className={actionsClassName}>
          <button type="submit" className={submitClassName} disabled={pending}>
            {pending ? pendingLabel : submitLabel}
          </button>
          <FormStatus state={state} showSuccess={showSuccess} />
        </div>
      </form>
      {confirmMessage ? (
        <ConfirmDialog
          open={asking !== null}
          onOpenChange={(open) => {
            if (!open) setAsking(null);
          }}
          title={confirmMessage}
          confirmLabel={submitLabel}
          cancelLabel="Keep as it is"
          tone="danger"
          onConfirm={() => {
            const formData = asking;
            setAsking(null);
            if (formData) submit(formData);
          }}
        />
      ) : null}
      {after?.(state)}
    </FieldErrorsContext.Provider>
  );
}

function FormStatus<T>({ state, showSuccess }: { state: TActionState<T>; showSuccess: boolean }) {
  if (state.status === "error") {
    return (
      <p role="alert" className="text-sm font-medium text-red-700">
        {state.message}
      </p>
    );
  }
  if (state.status === "ok" && showSuccess) {
    return (
      <p role="status" className="text-sm font-medium text-emerald-700">
        {state.message}
      </p>
    );
  }
  return null;
}
