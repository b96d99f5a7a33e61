// PUT /api/v1/portal/settings — the origins that may frame this organization's hirer portal, and its accent colour
import { z } from "zod";
import { v1Command } from "@/lib/api/v1-command";
import { ZPortalSettingsInput } from "@/lib/portal/portal-input";
import { savePortalSettings } from "@/lib/portal/save-portal-settings";

const ZPortalSettings = z.object({
  allowedOrigins: z.array(z.string()),
  accentColor: z.string().nullable(),
  updatedAt: z.string(),
});

export const PUT = v1Command({
  params: z.object({}),
  query: z.object({}).strict(),
  body: ZPortalSettingsInput,
  status: 200,
  doc: { summary: "Set who may frame the embedded hirer portal, and its accent colour", response: ZPortalSettings },
  run: async ({ tx, scope, body }) => {
    const saved = await savePortalSettings(tx, scope, body);
    return { body: { ...saved, updatedAt: saved.updatedAt.toISOString() } };
  },
});
