// The API keys page's partner keys: create one (shown once), list them beside the organization keys,
// revoke. A partner key reaches every organization, so only admins see this card.
import { Card } from "@/components/ui/card";
import { createPartnerKeyAction } from "@/lib/actions/create-partner-key";
import { revokePartnerKeyAction } from "@/lib/actions/revoke-partner-key";
import type { TPartnerKeySummary } from "@/lib/partner-keys/list-partner-keys";
import { CreateKeyForm } from "./create-key-form";
import { KeyList } from "./key-list";

export function PartnerKeysCard({ keys, envKeySet }: { keys: TPartnerKeySummary[]; envKeySet: boolean }) {
  return (
    <Card
      title="Partner keys"
      description="For the ATS vendor: provisions organizations and mints their keys (/api/v1/organizations), and subscribes to every organization's operational webhooks (/api/v1/webhooks). It cannot write positions or applications."
    >
      <CreateKeyForm
        action={createPartnerKeyAction}
        testId="new-partner-key"
        labels={{
          noun: "partner key",
          form: "Create a partner key",
          submit: "Create partner key",
          field: "Partner key name",
          placeholder: "ATS provisioning",
          hint: "A partner key provisions organizations and mints their keys; it acts for none of them.",
        }}
      />
      {envKeySet ? (
        <p className="mt-4 text-sm text-slate-600">
          SIGNALHOUSE_PARTNER_API_KEY is set: it is a partner key too (change the environment to revoke it).
        </p>
      ) : null}
      {keys.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">No partner keys created here yet.</p>
      ) : (
        <div className="mt-4">
          <KeyList
            keys={keys}
            caption="Partner keys"
            rowTestId="partner-key-row"
            revoke={{ action: revokePartnerKeyAction, idField: "partnerKeyId", noun: "partner key" }}
          />
        </div>
      )}
    </Card>
  );
}
