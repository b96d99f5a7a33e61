// /admin/users — everyone who can sign in; add an admin or a hirer; change a role, reset a password;
// deactivate or reactivate.
import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell/app-shell";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { buttonDanger, buttonSecondary, linkClass } from "@/components/ui/styles";
import { Table, type TTableColumn } from "@/components/ui/table";
import { RoleFields } from "@/components/users/role-fields";
import { UserRowActions } from "@/components/users/user-row-actions";
import { createUserAction } from "@/lib/actions/create-user";
import { setUserActiveAction } from "@/lib/actions/set-user-active";
import { requireAdmin } from "@/lib/auth/guards";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { scopeFor } from "@/lib/data/scope";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format/format-date-time";
import { listOrganizations } from "@/lib/organizations/list-organizations";
import { listUsers } from "@/lib/users/list-users";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

const COLUMNS: TTableColumn<"name" | "role" | "organization" | "status" | "lastSignIn" | "actions">[] = [
  { id: "name", header: "Name" },
  { id: "role", header: "Role", className: "hidden md:table-cell" },
  { id: "organization", header: "Organization", className: "hidden md:table-cell", cellClassName: "text-slate-700" },
  { id: "status", header: "Status", className: "hidden sm:table-cell" },
  {
    id: "lastSignIn",
    header: "Last sign-in",
    className: "hidden whitespace-nowrap lg:table-cell",
    cellClassName: "text-slate-600",
  },
  { id: "actions", header: "Actions", headerHidden: true, className: "text-right" },
];

export default async function UsersPage() {
  const admin = await requireAdmin("/admin/users");
  const scope = scopeFor(admin);
  const [users, organizations] = await Promise.all([listUsers(db(), scope), listOrganizations(db(), scope)]);
  return (
    <AppShell
      user={admin}
      current="/admin/users"
      title="Users"
      description="Admins see every organization. Hirers see only their own organization's pipelines and positions."
    >
      <Card title="Add a user" description="Give the person their initial password yourself.">
        <ActionForm
          action={createUserAction}
          submitLabel="Add user"
          pendingLabel="Adding…"
          className="grid grid-cols-1 gap-4 sm:grid-cols-2"
          actionsClassName="flex flex-wrap items-center gap-3 sm:col-span-2"
          ariaLabel="Add a user"
        >
          <Field name="name" label="Name" required maxLength={120} autoComplete="off" />
          <Field name="email" label="Email" type="email" required maxLength={320} autoComplete="off" />
          <RoleFields organizations={organizations} />
          <Field
            name="password"
            label="Initial password"
            type="password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            autoComplete="new-password"
            hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          />
        </ActionForm>
      </Card>

      <Card title="All users" description={`${users.length} in total`}>
        <Table
          columns={COLUMNS}
          caption="Everyone who can sign in"
          rows={users.map((user) => ({
            id: user.id,
            attributes: { "data-testid": "user-row", "data-email": user.email },
            cells: {
              name: (
                <>
                  <p className="font-medium text-slate-900">{user.name}</p>
                  <p className="text-xs text-slate-500 [overflow-wrap:anywhere]">{user.email}</p>
                  <p className="mt-0.5 text-xs text-slate-500 md:hidden">
                    {user.role} · {user.organization?.name ?? "all organizations"}
                    <span className="sm:hidden"> · {user.active ? "active" : "deactivated"}</span>
                  </p>
                </>
              ),
              role: user.role === "admin" ? <Badge tone="indigo">admin</Badge> : <Badge>hirer</Badge>,
              organization: user.organization?.name ?? "All",
              status: user.active ? <Badge tone="green">active</Badge> : <Badge tone="red">deactivated</Badge>,
              lastSignIn: formatDateTime(user.lastSignInAt, "never"),
              actions:
                user.id === admin.id ? (
                  <span className="text-xs text-slate-500">
                    you ·{" "}
                    <Link href="/account/password" className={linkClass}>
                      Change password
                    </Link>
                  </span>
                ) : (
                  <div className="flex flex-wrap items-center justify-end gap-2">
                    <UserRowActions
                      user={{
                        id: user.id,
                        email: user.email,
                        role: user.role,
                        organizationId: user.organization?.id ?? null,
                      }}
                      organizations={organizations}
                    />
                    <ActionForm
                      action={setUserActiveAction}
                      submitLabel={user.active ? "Deactivate" : "Reactivate"}
                      pendingLabel={user.active ? "Deactivating…" : "Reactivating…"}
                      submitClassName={user.active ? buttonDanger : buttonSecondary}
                      confirmMessage={
                        user.active ? `Deactivate ${user.email}? They are signed out at once.` : undefined
                      }
                      showSuccess={false}
                      className="flex justify-end"
                      ariaLabel={`${user.active ? "Deactivate" : "Reactivate"} ${user.email}`}
                    >
                      <input type="hidden" name="userId" value={user.id} />
                      <input type="hidden" name="active" value={user.active ? "false" : "true"} />
                    </ActionForm>
                  </div>
                ),
            },
          }))}
        />
      </Card>
    </AppShell>
  );
}
