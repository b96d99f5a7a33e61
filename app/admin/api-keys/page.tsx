// /admin/api-keys?organization=<id> — one organization's API keys, and the partner keys: create (shown once), list, revoke.
import type { Metadata } from "next";
import Link from "next/link";
import { BootstrapKeyNote } from "@/components/api-keys/bootstrap-key-note";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { PartnerKeysCard } from "@/components/api-keys/partner-keys-card";
import { AppShell } from "@/components/app-shell/app-shell";
import { ActionForm } from "@/components/forms/action-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { buttonDanger, buttonSecondary, inputClass, linkClass } from "@/components/ui/styles";
import { revokeApiKeyAction } from "@/lib/actions/revoke-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requireAdmin } from "@/lib/auth/guards";
import { scopeFor } from "@/lib/data/scope";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format/format-date-time";
import { DEFAULT_ORGANIZATION_SLUG } from "@/lib/organizations/default-organization";
import { listOrganizations } from "@/lib/organizations/list-organizations";
import { listPartnerKeys } from "@/lib/partner-keys/list-partner-keys";

export const metadata: Metadata = { title: "API keys" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ApiKeysPage({ searchParams }: { searchParams: SearchParams }) {
  const admin = await requireAdmin("/admin/api-keys");
  const scope = scopeFor(admin);
  const requested = (await searchParams).organization;
  const organizations = await listOrganizations(db(), scope);
  const selected = organizations.find((org) => org.id === requested) ?? organizations[0];
  const keys = selected ? await listApiKeys(db(), scope, selected.id) : [];
  const partnerKeys = await listPartnerKeys(db(), scope);
  const bootstrapKey = env().SIGNALHOUSE_BOOTSTRAP_API_KEY;
  return (
    <AppShell
      user={admin}
      current="/admin/api-keys"
      title="API keys"
      description="The ATS calls the API with a key; each key acts for one organization. Keys are stored hashed: a new key is shown once."
    >
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Choose an organization">
        <div className="w-full min-w-0 sm:w-[28rem]">
          <label htmlFor="organization" className="block text-sm font-medium text-slate-700">
            Organization
          </label>
          <select id="organization" name="organization" defaultValue={selected?.id} className={`mt-1 ${inputClass}`}>
            {organizations.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name} ({org.slug})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonSecondary}>
          Show keys
        </button>
      </form>

      {selected ? (
        <>
          <Card title={`New key for ${selected.name}`}>
            <CreateApiKeyForm key={selected.id} organizationId={selected.id} organizationName={selected.name} />
          </Card>
          <Card title={`Keys of ${selected.name}`} description={`${keys.length} in total`}>
            {bootstrapKey && selected.slug === DEFAULT_ORGANIZATION_SLUG ? (
              <BootstrapKeyNote bootstrapKey={bootstrapKey} />
            ) : null}
            {keys.length === 0 ? (
              <p className="text-sm text-slate-600">No keys yet.</p>
            ) : (
              <div className="relative -mx-4 overflow-x-auto sm:-mx-5">
                <table className="min-w-full text-left text-sm">
                  <thead className="text-xs uppercase tracking-wide text-slate-500">
                    <tr>
                      <th className="px-4 py-2 font-medium sm:px-5">Name</th>
                      <th className="hidden px-4 py-2 font-medium sm:table-cell">Prefix</th>
                      <th className="hidden px-4 py-2 font-medium md:table-cell">Created</th>
                      <th className="hidden px-4 py-2 font-medium md:table-cell">Last used</th>
                      <th className="px-4 py-2 font-medium">Status</th>
                      <th className="px-4 py-2 font-medium sm:pr-5">
                        <span className="sr-only">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {keys.map((key) => (
                      <tr key={key.id} data-testid="api-key-row" data-name={key.name}>
                        <td className="px-4 py-3 sm:px-5">
                          <p className="font-medium text-slate-900">{key.name}</p>
                          <p className="mt-0.5 text-xs text-slate-500 md:hidden">
                            <span className="font-mono sm:hidden">{key.prefix}… · </span>created{" "}
                            {formatDateTime(key.createdAt)} · last used {formatDateTime(key.lastUsedAt, "never")}
                          </p>
                        </td>
                        <td className="hidden px-4 py-3 font-mono text-xs text-slate-700 sm:table-cell">
                          {key.prefix}…
                        </td>
                        <td className="hidden whitespace-nowrap px-4 py-3 text-slate-600 md:table-cell">
                          {formatDateTime(key.createdAt)}
                        </td>
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
                              action={revokeApiKeyAction}
                              submitLabel="Revoke"
                              pendingLabel="Revoking…"
                              submitClassName={buttonDanger}
                              confirmMessage={`Revoke “${key.name}”? Calls with it are refused from now on.`}
                              showSuccess={false}
                              className="flex justify-end"
                              ariaLabel={`Revoke ${key.name}`}
                            >
                              <input type="hidden" name="apiKeyId" value={key.id} />
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
        </>
      ) : (
        <Card>
          <p className="text-sm text-slate-600">
            No organizations yet.{" "}
            <Link href="/admin/organizations" className={linkClass}>
              Add one first
            </Link>
            .
          </p>
        </Card>
      )}

      <PartnerKeysCard keys={partnerKeys} envKeySet={env().SIGNALHOUSE_PARTNER_API_KEY !== undefined} />
    </AppShell>
  );
}
