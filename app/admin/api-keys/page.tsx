// /admin/api-keys?organization=<id> — one organization's API keys, and the partner keys: create (shown once), list, revoke.
import type { Metadata } from "next";
import Link from "next/link";
import { BootstrapKeyNote } from "@/components/api-keys/bootstrap-key-note";
import { CreateKeyForm } from "@/components/api-keys/create-key-form";
import { KeyList } from "@/components/api-keys/key-list";
import { PartnerKeysCard } from "@/components/api-keys/partner-keys-card";
import { AppShell } from "@/components/app-shell/app-shell";
import { Card } from "@/components/ui/card";
import { buttonSecondary, inputClass, linkClass } from "@/components/ui/styles";
import { createApiKeyAction } from "@/lib/actions/create-api-key";
import { revokeApiKeyAction } from "@/lib/actions/revoke-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requireAdmin } from "@/lib/auth/guards";
import { scopeFor } from "@/lib/data/scope";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
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
            <CreateKeyForm
              key={selected.id}
              action={createApiKeyAction}
              hidden={{ organizationId: selected.id }}
              testId="new-api-key"
              labels={{
                noun: "key",
                owner: selected.name,
                form: "Create an API key",
                submit: "Create key",
                field: "Key name",
                placeholder: "Production ATS",
                hint: "Say where the key is used, so you know which one to revoke.",
              }}
            />
          </Card>
          <Card title={`Keys of ${selected.name}`} description={`${keys.length} in total`}>
            {bootstrapKey && selected.slug === DEFAULT_ORGANIZATION_SLUG ? (
              <BootstrapKeyNote bootstrapKey={bootstrapKey} />
            ) : null}
            {keys.length === 0 ? (
              <p className="text-sm text-slate-600">No keys yet.</p>
            ) : (
              <KeyList
                keys={keys}
                caption={`API keys of ${selected.name}`}
                rowTestId="api-key-row"
                revoke={{ action: revokeApiKeyAction, idField: "apiKeyId" }}
              />
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
