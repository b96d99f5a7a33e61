"use client";
// Creates a partner key and shows the full key once, with a copy button. As with organization keys, the
// key lives only in this component's state: leaving or reloading the page loses it for good.
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import type { TNewApiKey } from "@/lib/actions/create-api-key";
import { createPartnerKeyAction } from "@/lib/actions/create-partner-key";
import { CopyButton } from "./copy-button";

export function CreatePartnerKeyForm() {
  return (
    <ActionForm<TNewApiKey>
      action={createPartnerKeyAction}
      submitLabel="Create partner key"
      pendingLabel="Creating…"
      className="grid max-w-xl grid-cols-1 gap-4"
      ariaLabel="Create a partner key"
      showSuccess={false}
      after={(state) =>
        state.status === "ok" ? (
          <div
            role="status"
            className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 p-4"
            data-testid="new-partner-key"
          >
            <p className="text-sm font-medium text-emerald-900">
              New partner key “{state.data.name}”. Copy it now: it will not be shown again.
            </p>
            <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-center">
              <code
                id="new-partner-key-value"
                className="block min-w-0 flex-1 break-all rounded border border-emerald-200 bg-white px-3 py-2 font-mono text-sm text-slate-900"
              >
                {state.data.key}
              </code>
              <CopyButton value={state.data.key} targetId="new-partner-key-value" />
            </div>
          </div>
        ) : null
      }
    >
      <Field
        name="name"
        label="Partner key name"
        required
        maxLength={100}
        placeholder="ATS provisioning"
        hint="A partner key provisions organizations and mints their keys; it acts for none of them."
        autoComplete="off"
      />
    </ActionForm>
  );
}
