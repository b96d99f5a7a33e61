// /admin/organizations — every hirer organization; add one; open one to edit its board settings.
import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell/app-shell";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { linkClass } from "@/components/ui/styles";
import { Table, type TTableColumn } from "@/components/ui/table";
import { createOrganizationAction } from "@/lib/actions/create-organization";
import { requireAdmin } from "@/lib/auth/guards";
import { scopeFor } from "@/lib/data/scope";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format/format-date-time";
import { listOrganizations, type TOrganizationSummary } from "@/lib/organizations/list-organizations";

export const metadata: Metadata = { title: "Organizations" };
export const dynamic = "force-dynamic";

const COLUMNS: TTableColumn<"name" | "slug" | "seek" | "linkedin" | "created">[] = [
  { id: "name", header: "Name" },
  { id: "slug", header: "Slug", cellClassName: "break-all font-mono text-xs text-slate-700" },
  {
    id: "seek",
    header: "SEEK hirer id",
    className: "hidden md:table-cell",
    cellClassName: "break-all font-mono text-xs text-slate-700",
  },
  { id: "linkedin", header: "LinkedIn" },
  {
    id: "created",
    header: "Created",
    className: "hidden whitespace-nowrap lg:table-cell",
    cellClassName: "text-slate-600",
  },
];

function LinkedInBadge({ org }: { org: TOrganizationSummary }) {
  if (org.linkedinClientId && org.linkedinClientSecretSet) return <Badge tone="green">configured</Badge>;
  if (org.linkedinClientId || org.linkedinClientSecretSet || org.linkedinIntegrationContext) {
    return <Badge tone="amber">incomplete</Badge>;
  }
  return <Badge>not set</Badge>;
}

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
        <Table
          columns={COLUMNS}
          caption="Hirer organizations"
          rows={organizations.map((org) => ({
            id: org.id,
            cells: {
              name: (
                <Link href={`/admin/organizations/${org.id}`} className={linkClass}>
                  {org.name}
                </Link>
              ),
              slug: org.slug,
              seek: org.seekHirerId ?? "—",
              linkedin: <LinkedInBadge org={org} />,
              created: formatDateTime(org.createdAt),
            },
          }))}
        />
      </Card>
    </AppShell>
  );
}
