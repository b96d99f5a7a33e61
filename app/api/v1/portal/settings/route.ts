// PUT /api/v1/portal/settings — the origins that may frame this organization's hirer portal, and its accent colour
import { z } from "zod";
import { v1Write } from "@/lib/api/v1-route";
import { ZPortalSettingsInput } from "@/lib/portal/portal-input";
import { savePortalSettings } from "@/lib/portal/save-portal-settings";

const ZPortalSettings = z.object({
  allowedOrigins: z.array(z.string()),
  accentColor: z.string().nullable(),
  updatedAt: z.string(),
});

export const PUT = v1Write({
  params: z.object({}),
  query: z.object({}).strict(),
  body: ZPortalSettingsInput,
  doc: {
    summary: "Set who may frame the embedded hirer portal, and its accent colour",
    status: 200,
    response: ZPortalSettings,
  },
  write: async ({ tx, scope, body }) => {
    const saved = await savePortalSettings(tx, scope, body);
    return { ...saved, updatedAt: saved.updatedAt.toISOString() };
  },
  respond: (result) => ({ status: 200, body: result }),
});
