// /admin/organizations — every hirer organization; add one; open one to edit its board settings.
import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell/app-shell";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { linkClass } from "@/components/ui/styles";
import { createOrganizationAction } from "@/lib/actions/create-organization";
import { requireAdmin } from "@/lib/auth/guards";
import { scopeFor } from "@/lib/data/scope";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format/format-date-time";
import { listOrganizations } from "@/lib/organizations/list-organizations";

export const metadata: Metadata = { title: "Organizations" };
export const dynamic = "force-dynamic";

export default async function OrganizationsPage() {
  const admin = await requireAdmin("/admin/organizations");
  const organizations = await listOrganizations(db(), scopeFor(admin));
  return (
    <AppShell
      user={admin}
      current="/admin/organizations"
      title="Organizations"
      description="Each hirer organization has its own users, API keys, pipelines and board settings."
    >
      <Card title="Add an organization">
        <ActionForm
          action={createOrganizationAction}
          submitLabel="Add organization"
          pendingLabel="Adding…"
          className="grid grid-cols-1 gap-4 sm:grid-cols-2"
          actionsClassName="flex flex-wrap items-center gap-3 sm:col-span-2"
          ariaLabel="Add an organization"
        >
          <Field name="name" label="Name" required maxLength={120} placeholder="Acme Recruitment" />
          <Field
            name="slug"
            label="Slug"
            required
            maxLength={63}
            placeholder="acme"
            hint="Lowercase letters, digits and dashes. Cannot be changed later."
          />
        </ActionForm>
      </Card>

      <Card title="All organizations" description={`${organizations.length} in total`}>
        <div className="relative -mx-4 overflow-x-auto sm:-mx-5">
          <table className="min-w-full text-left text-sm">
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-2 font-medium sm:px-5">Name</th>
                <th className="px-4 py-2 font-medium">Slug</th>
                <th className="hidden px-4 py-2 font-medium md:table-cell">SEEK hirer id</th>
                <th className="px-4 py-2 font-medium">LinkedIn</th>
                <th className="hidden px-4 py-2 font-medium lg:table-cell">Created</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {organizations.map((org) => (
                <tr key={org.id}>
                  <td className="px-4 py-3 sm:px-5">
                    <Link href={`/admin/organizations/${org.id}`} className={linkClass}>
                      {org.name}
                    </Link>
                  </td>
                  <td className="break-all px-4 py-3 font-mono text-xs text-slate-700">{org.slug}</td>
                  <td className="hidden break-all px-4 py-3 font-mono text-xs text-slate-700 md:table-cell">
                    {org.seekHirerId ?? "—"}
                  </td>
                  <td className="px-4 py-3">
                    {org.linkedinClientId && org.linkedinClientSecretSet ? (
                      <Badge tone="green">configured</Badge>
                    ) : org.linkedinClientId || org.linkedinClientSecretSet || org.linkedinIntegrationContext ? (
                      <Badge tone="amber">incomplete</Badge>
                    ) : (
                      <Badge>not set</Badge>
                    )}
                  </td>
                  <td className="hidden whitespace-nowrap px-4 py-3 text-slate-600 lg:table-cell">
                    {formatDateTime(org.createdAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </AppShell>
  );
}
