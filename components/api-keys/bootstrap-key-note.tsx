// The bootstrap key (SIGNALHOUSE_BOOTSTRAP_API_KEY) is a working key of the default organization that no
// table holds, so the keys page says it exists, masked, and how to turn it off: otherwise an admin reads
// "No keys yet" while the ATS is calling with one.
import { Badge } from "@/components/ui/badge";
import { maskSecret } from "@/lib/redaction/redact-secrets";

export function BootstrapKeyNote({ bootstrapKey }: { bootstrapKey: string }) {
  return (
    <div
      className="mb-4 flex flex-wrap items-start gap-x-3 gap-y-1 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm"
      data-testid="bootstrap-key"
    >
      <p className="font-medium text-slate-900">Bootstrap key</p>
      <span className="font-mono text-xs text-slate-700">{maskSecret(bootstrapKey)}</span>
      <Badge tone="indigo">set by environment</Badge>
      <p className="basis-full text-xs text-slate-600">
        Accepted for this organization because <span className="font-mono">SIGNALHOUSE_BOOTSTRAP_API_KEY</span> is set.
        It cannot be revoked here: unset the variable and restart to turn it off.
      </p>
    </div>
  );
}
