// A list of keys (an organization's or the partner keys) in the app's Table: name, prefix, when created
// and last used, active or revoked, and Revoke (with a confirmation) for an active one. The caller passes
// the revoke action and the words that tell the two kinds apart.
import { ActionForm } from "@/components/forms/action-form";
import { Badge } from "@/components/ui/badge";
import { buttonDanger } from "@/components/ui/styles";
import { Table, type TTableColumn, type TTableRow } from "@/components/ui/table";
import type { TActionState } from "@/lib/actions/action-state";
import type { TApiKeySummary } from "@/lib/api-keys/list-api-keys";
import { formatDateTime } from "@/lib/format/format-date-time";
import type { TPartnerKeySummary } from "@/lib/partner-keys/list-partner-keys";

export type TKeySummary = TApiKeySummary | TPartnerKeySummary;

export type TKeyRevoke = {
  action: (prev: TActionState, formData: FormData) => Promise<TActionState>;
  /** the form field the action reads the key's id from */
  idField: string;
  /** what the key is called in the form's accessible name and the confirmation when not just "key" */
  noun?: string;
};

type KeyColumn = "name" | "prefix" | "created" | "lastUsed" | "status" | "actions";

const COLUMNS: TTableColumn<KeyColumn>[] = [
  { id: "name", header: "Name" },
  {
    id: "prefix",
    header: "Prefix",
    className: "hidden sm:table-cell",
    cellClassName: "font-mono text-xs text-slate-700",
  },
  {
    id: "created",
    header: "Created",
    className: "hidden whitespace-nowrap md:table-cell",
    cellClassName: "text-slate-600",
  },
  {
    id: "lastUsed",
    header: "Last used",
    className: "hidden whitespace-nowrap md:table-cell",
    cellClassName: "text-slate-600",
  },
  { id: "status", header: "Status", className: "whitespace-nowrap" },
  { id: "actions", header: "Actions", headerHidden: true, className: "text-right" },
];

function toRow(key: TKeySummary, revoke: TKeyRevoke, rowTestId: string): TTableRow<KeyColumn> {
  const named = revoke.noun ? `the ${revoke.noun} “${key.name}”` : `“${key.name}”`;
  return {
    id: key.id,
    attributes: { "data-testid": rowTestId, "data-name": key.name },
    cells: {
      name: (
        <>
          <p className="font-medium text-slate-900">{key.name}</p>
          <p className="mt-0.5 text-xs text-slate-500 md:hidden">
            <span className="font-mono sm:hidden">{key.prefix}… · </span>created {formatDateTime(key.createdAt)} · last
            used {formatDateTime(key.lastUsedAt, "never")}
          </p>
        </>
      ),
      prefix: `${key.prefix}…`,
      created: formatDateTime(key.createdAt),
      lastUsed: formatDateTime(key.lastUsedAt, "never"),
      status: key.revokedAt ? (
        <Badge tone="red">revoked {formatDateTime(key.revokedAt)}</Badge>
      ) : (
        <Badge tone="green">active</Badge>
      ),
      actions: key.revokedAt ? null : (
        <ActionForm
          action={revoke.action}
          submitLabel="Revoke"
          pendingLabel="Revoking…"
          submitClassName={buttonDanger}
          confirmMessage={`Revoke ${named}? Calls with it are refused from now on.`}
          showSuccess={false}
          className="flex justify-end"
          ariaLabel={`Revoke ${revoke.noun ? `${revoke.noun} ` : ""}${key.name}`}
        >
          <input type="hidden" name={revoke.idField} value={key.id} />
        </ActionForm>
      ),
    },
  };
}

export function KeyList({
  keys,
  revoke,
  caption,
  rowTestId,
}: {
  keys: readonly TKeySummary[];
  revoke: TKeyRevoke;
  caption: string;
  rowTestId: string;
}) {
  return <Table columns={COLUMNS} rows={keys.map((key) => toRow(key, revoke, rowTestId))} caption={caption} />;
}
