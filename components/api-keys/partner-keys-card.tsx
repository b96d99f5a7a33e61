// The API keys page's partner keys: create one (shown once), list them beside the organization keys,
// revoke. A partner key reaches every organization, so only admins see this card.
import { ActionForm } from "@/components/forms/action-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { buttonDanger } from "@/components/ui/styles";
import { revokePartnerKeyAction } from "@/lib/actions/revoke-partner-key";
import { formatDateTime } from "@/lib/format/format-date-time";
import type { TPartnerKeySummary } from "@/lib/partner-keys/list-partner-keys";
import { CreatePartnerKeyForm } from "./create-partner-key-form";

export function PartnerKeysCard({ keys, envKeySet }: { keys: TPartnerKeySummary[]; envKeySet: boolean }) {
  return (
    <Card
      title="Partner keys"
      description="For the ATS vendor: provisions organizations and mints their keys (/api/v1/organizations), and subscribes to every organization's operational webhooks (/api/v1/webhooks). It cannot write positions or applications."
    >
      <CreatePartnerKeyForm />
      {envKeySet ? (
        <p className="mt-4 text-sm text-slate-600">
          SIGNALHOUSE_PARTNER_API_KEY is set: it is a partner key too (change the environment to revoke it).
        </p>
      ) : null}
      {keys.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">No partner keys created here yet.</p>
      ) : (
        <div className="relative -mx-4 mt-4 overflow-x-auto sm:-mx-5">
          <table className="min-w-full text-left text-sm">
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-2 font-medium sm:px-5">Name</th>
                <th className="hidden px-4 py-2 font-medium sm:table-cell">Prefix</th>
                <th className="hidden px-4 py-2 font-medium md:table-cell">Last used</th>
                <th className="px-4 py-2 font-medium">Status</th>
                <th className="px-4 py-2 font-medium sm:pr-5">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {keys.map((key) => (
                <tr key={key.id} data-testid="partner-key-row" data-name={key.name}>
                  <td className="px-4 py-3 sm:px-5">
                    <p className="font-medium text-slate-900">{key.name}</p>
                    <p className="mt-0.5 text-xs text-slate-500">created {formatDateTime(key.createdAt)}</p>
                  </td>
                  <td className="hidden px-4 py-3 font-mono text-xs text-slate-700 sm:table-cell">{key.prefix}…</td>
                  <td className="hidden whitespace-nowrap px-4 py-3 text-slate-600 md:table-cell">
                    {formatDateTime(key.lastUsedAt, "never")}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3">
                    {key.revokedAt ? (
                      <Badge tone="red">revoked {formatDateTime(key.revokedAt)}</Badge>
                    ) : (
                      <Badge tone="green">active</Badge>
                    )}
                  </td>
                  <td className="px-4 py-3 text-right sm:pr-5">
                    {key.revokedAt ? null : (
                      <ActionForm
                        action={revokePartnerKeyAction}
                        submitLabel="Revoke"
                        pendingLabel="Revoking…"
                        submitClassName={buttonDanger}
                        confirmMessage={`Revoke the partner key “${key.name}”? Calls with it are refused from now on.`}
                        showSuccess={false}
                        className="flex justify-end"
                        ariaLabel={`Revoke partner key ${key.name}`}
                      >
                        <input type="hidden" name="partnerKeyId" value={key.id} />
                      </ActionForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
