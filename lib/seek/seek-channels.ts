// The product's SEEK channels, configured from the environment (SEEK_GRAPHQL_URL, SEEK_TOKEN_URL,
// SEEK_TOKEN_AUDIENCE, SEEK_CLIENT_ID, SEEK_CLIENT_SECRET, SIGNALHOUSE_ENCRYPTION_KEY) and sharing one
// client and one database-backed partner token. Missing credentials surface per send, as retries with
// code SEEK_TOKEN_NOT_CONFIGURED, so the rest of the product runs without SEEK configured.

import type { Db } from "@/lib/db/client";
import type { Channel } from "@/lib/delivery/channel";
import { env } from "@/lib/env";
import { partnerTokenSourceFromEnv } from "./partner-token";
import { seekItemIdResolver } from "./resolve-seek-item-id";
import { createSeekClient } from "./seek-graphql-client";
import { createSeekHistoryChannel } from "./seek-history-channel";
import { createSeekSignalChannel } from "./seek-signal-channel";

export function seekChannelsFromEnv(db: Db): Channel[] {
  const client = createSeekClient({ url: env().SEEK_GRAPHQL_URL });
  const tokens = partnerTokenSourceFromEnv(db);
  return [
    createSeekSignalChannel({ client, tokens }),
    createSeekHistoryChannel({ client, tokens, resolveSeekItemId: seekItemIdResolver(db) }),
  ];
}
