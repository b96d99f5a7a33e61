// /admin/users — everyone who can sign in; add an admin or a hirer; change a role, reset a password;
// deactivate or reactivate.
import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell/app-shell";
import { ActionForm } from "@/components/forms/action-form";
import { Field, SelectField } from "@/components/forms/field";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { buttonDanger, buttonSecondary, linkClass } from "@/components/ui/styles";
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
          <SelectField
            name="role"
            label="Role"
            defaultValue="hirer"
            options={[
              { value: "hirer", label: "Hirer (one organization)" },
              { value: "admin", label: "Administrator (all organizations)" },
            ]}
          />
          <SelectField
            name="organizationId"
            label="Organization"
            hint="Required for hirers; ignored for administrators."
            options={[
              { value: "", label: "Choose an organization…" },
              ...organizations.map((org) => ({ value: org.id, label: `${org.name} (${org.slug})` })),
            ]}
          />
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
        <div className="relative -mx-4 overflow-x-auto sm:-mx-5">
          <table className="min-w-full text-left text-sm">
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-2 font-medium sm:px-5">Name</th>
                <th className="hidden px-4 py-2 font-medium md:table-cell">Role</th>
                <th className="hidden px-4 py-2 font-medium md:table-cell">Organization</th>
                <th className="hidden px-4 py-2 font-medium sm:table-cell">Status</th>
                <th className="hidden px-4 py-2 font-medium lg:table-cell">Last sign-in</th>
                <th className="px-4 py-2 font-medium sm:pr-5">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((user) => (
                <tr key={user.id} data-testid="user-row" data-email={user.email}>
                  <td className="px-4 py-3 sm:px-5">
                    <p className="font-medium text-slate-900">{user.name}</p>
                    <p className="text-xs text-slate-500 [overflow-wrap:anywhere]">{user.email}</p>
                    <p className="mt-0.5 text-xs text-slate-500 md:hidden">
                      {user.role} · {user.organization?.name ?? "all organizations"}
                      <span className="sm:hidden"> · {user.active ? "active" : "deactivated"}</span>
                    </p>
                  </td>
                  <td className="hidden px-4 py-3 md:table-cell">
                    {user.role === "admin" ? <Badge tone="indigo">admin</Badge> : <Badge>hirer</Badge>}
                  </td>
                  <td className="hidden px-4 py-3 text-slate-700 md:table-cell">{user.organization?.name ?? "All"}</td>
                  <td className="hidden px-4 py-3 sm:table-cell">
                    {user.active ? <Badge tone="green">active</Badge> : <Badge tone="red">deactivated</Badge>}
                  </td>
                  <td className="hidden whitespace-nowrap px-4 py-3 text-slate-600 lg:table-cell">
                    {formatDateTime(user.lastSignInAt, "never")}
                  </td>
                  <td className="px-4 py-3 text-right sm:pr-5">
                    {user.id === admin.id ? (
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
                    )}
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
