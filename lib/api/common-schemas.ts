// Schemas shared by several v1 routes.

import { z } from "zod";
import { ZExternalId } from "../validation/external-id";
import { ZOccurredAt } from "../validation/occurred-at";

export const ZCompleteBody = z.object({ occurredAt: ZOccurredAt.optional() }).strict();

export const ZApplicationParams = z.object({ applicationId: ZExternalId });
export const ZPositionParams = z.object({ positionId: ZExternalId });
