"use client";
// Creates a key for the selected organization and shows the full key once, with a copy button. The key
// lives only in this component's state: leaving or reloading the page loses it for good.
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import type { TNewApiKey } from "@/lib/actions/create-api-key";
import { createApiKeyAction } from "@/lib/actions/create-api-key";
import { CopyButton } from "./copy-button";

export function CreateApiKeyForm({
  organizationId,
  organizationName,
}: {
  organizationId: string;
  organizationName: string;
}) {
  return (
    <ActionForm<TNewApiKey>
      action={createApiKeyAction}
      submitLabel="Create key"
      pendingLabel="Creating…"
      className="grid max-w-xl grid-cols-1 gap-4"
      ariaLabel="Create an API key"
      showSuccess={false}
      after={(state) =>
        state.status === "ok" ? (
          <div
            role="status"
            className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 p-4"
            data-testid="new-api-key"
          >
            <p className="text-sm font-medium text-emerald-900">
              New key “{state.data.name}” for {organizationName}. Copy it now: it will not be shown again.
            </p>
            <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-center">
              <code
                id="new-api-key-value"
                className="block min-w-0 flex-1 break-all rounded border border-emerald-200 bg-white px-3 py-2 font-mono text-sm text-slate-900"
              >
                {state.data.key}
              </code>
              <CopyButton value={state.data.key} targetId="new-api-key-value" />
            </div>
          </div>
        ) : null
      }
    >
      <input type="hidden" name="organizationId" value={organizationId} />
      <Field
        name="name"
        label="Key name"
        required
        maxLength={100}
        placeholder="Production ATS"
        hint="Say where the key is used, so you know which one to revoke."
        autoComplete="off"
      />
    </ActionForm>
  );
}
