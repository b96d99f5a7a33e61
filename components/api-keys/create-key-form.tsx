"use client";
// Creates a key (an organization's or a partner's: the caller passes the action and the words) and shows
// the full key once, with a copy button. The key lives only in this component's state: leaving or
// reloading the page loses it for good.
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import type { TActionState } from "@/lib/actions/action-state";
import type { TNewApiKey } from "@/lib/actions/create-api-key";
import { CopyButton } from "./copy-button";

export type TCreateKeyLabels = {
  /** what a key of this kind is called in the confirmation: "key", "partner key" */
  noun: string;
  /** who the key acts for, named in the confirmation ("… for Acme"); none for a partner key */
  owner?: string;
  form: string;
  submit: string;
  field: string;
  placeholder: string;
  hint: string;
};

export function CreateKeyForm({
  action,
  labels,
  hidden = {},
  testId,
}: {
  action: (prev: TActionState<TNewApiKey>, formData: FormData) => Promise<TActionState<TNewApiKey>>;
  labels: TCreateKeyLabels;
  /** fields the action needs besides the name, e.g. the organization's id */
  hidden?: Record<string, string>;
  /** the shown key's test id; its value's element id is `${testId}-value` */
  testId: string;
}) {
  return (
    <ActionForm<TNewApiKey>
      action={action}
      submitLabel={labels.submit}
      pendingLabel="Creating…"
      className="grid max-w-xl grid-cols-1 gap-4"
      ariaLabel={labels.form}
      showSuccess={false}
      after={(state) =>
        state.status === "ok" ? (
          <div
            role="status"
            className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 p-4"
            data-testid={testId}
          >
            <p className="text-sm font-medium text-emerald-900">
              New {labels.noun} “{state.data.name}”{labels.owner ? ` for ${labels.owner}` : ""}. Copy it now: it will
              not be shown again.
            </p>
            <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-center">
              <code
                id={`${testId}-value`}
                className="block min-w-0 flex-1 break-all rounded border border-emerald-200 bg-white px-3 py-2 font-mono text-sm text-slate-900"
              >
                {state.data.key}
              </code>
              <CopyButton value={state.data.key} targetId={`${testId}-value`} />
            </div>
          </div>
        ) : null
      }
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field
        name="name"
        label={labels.field}
        required
        maxLength={100}
        placeholder={labels.placeholder}
        hint={labels.hint}
        autoComplete="off"
      />
    </ActionForm>
  );
}
