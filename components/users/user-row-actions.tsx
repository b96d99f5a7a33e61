"use client";
// The admin's controls for one user on /admin/users: change their role, reset their password. Each opens
// the app's Dialog; a reset's password is shown in it once and lives only in this component's state.
import { useState } from "react";
import { CopyButton } from "@/components/api-keys/copy-button";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { Dialog } from "@/components/ui/dialog";
import { buttonSecondary } from "@/components/ui/styles";
import { changeUserRoleAction } from "@/lib/actions/change-user-role";
import { resetUserPasswordAction, type TPasswordResetShown } from "@/lib/actions/reset-user-password";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { RoleFields, type TOrganizationChoice } from "./role-fields";

export type TUserRow = {
  id: string;
  email: string;
  role: "admin" | "hirer";
  organizationId: string | null;
};

export function UserRowActions({ user, organizations }: { user: TUserRow; organizations: TOrganizationChoice[] }) {
  const [open, setOpen] = useState<"role" | "password" | null>(null);
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <button
        type="button"
        className={buttonSecondary}
        onClick={() => setOpen("role")}
        aria-label={`Change role of ${user.email}`}
      >
        Change role
      </button>
      <button
        type="button"
        className={buttonSecondary}
        onClick={() => setOpen("password")}
        aria-label={`Reset password of ${user.email}`}
      >
        Reset password
      </button>
      <Dialog
        open={open === "role"}
        onOpenChange={(next) => setOpen(next ? "role" : null)}
        title={`Change the role of ${user.email}`}
        description="Administrators see every organization; a hirer sees only their own. The change applies on their next click."
        testId="change-role-dialog"
      >
        <ActionForm
          action={changeUserRoleAction}
          submitLabel="Change role"
          pendingLabel="Changing…"
          resetOnSuccess={false}
          ariaLabel={`Change role of ${user.email}`}
        >
          <input type="hidden" name="userId" value={user.id} />
          <RoleFields organizations={organizations} role={user.role} organizationId={user.organizationId ?? ""} />
        </ActionForm>
      </Dialog>
      <Dialog
        open={open === "password"}
        onOpenChange={(next) => setOpen(next ? "password" : null)}
        title={`Reset the password of ${user.email}`}
        description="Their current password stops working and every session they have ends at once. Pass the new one on yourself."
        testId="reset-password-dialog"
      >
        <ResetPasswordForm userId={user.id} email={user.email} />
      </Dialog>
    </div>
  );
}

function ResetPasswordForm({ userId, email }: { userId: string; email: string }) {
  const [mode, setMode] = useState<"generate" | "set">("generate");
  return (
    <ActionForm<TPasswordResetShown>
      action={resetUserPasswordAction}
      submitLabel="Reset password"
      pendingLabel="Resetting…"
      showSuccess={false}
      ariaLabel={`Reset password of ${email}`}
      after={(state) =>
        state.status === "ok" ? (
          <div
            role="status"
            className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 p-4"
            data-testid="temporary-password"
          >
            <p className="text-sm font-medium text-emerald-900">
              {state.message} Their new password is below. Copy it now: it will not be shown again.
            </p>
            <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-center">
              <code
                id={`temporary-password-${userId}`}
                className="block min-w-0 flex-1 break-all rounded border border-emerald-200 bg-white px-3 py-2 font-mono text-sm text-slate-900"
              >
                {state.data.temporaryPassword}
              </code>
              <CopyButton value={state.data.temporaryPassword} targetId={`temporary-password-${userId}`} />
            </div>
          </div>
        ) : null
      }
    >
      <input type="hidden" name="userId" value={userId} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">New password</legend>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="radio"
            name="mode"
            value="generate"
            checked={mode === "generate"}
            onChange={() => setMode("generate")}
          />
          Generate one for me
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="radio" name="mode" value="set" checked={mode === "set"} onChange={() => setMode("set")} />
          Let me type one
        </label>
      </fieldset>
      {mode === "set" ? (
        <Field
          name="password"
          label="Temporary password"
          type="password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        />
      ) : null}
    </ActionForm>
  );
}
