-- One code for an identifier past its 180-day life (lib/outbox/identifier-expiry.ts): the engine used to
-- record "EXPIRED" where enqueue recorded "IDENTIFIER_EXPIRED". Rows written before say the same now.
UPDATE "Delivery" SET "lastErrorCode" = 'IDENTIFIER_EXPIRED' WHERE "lastErrorCode" = 'EXPIRED';
UPDATE "DeliveryAttempt" SET "errorCodes" = array_replace("errorCodes", 'EXPIRED', 'IDENTIFIER_EXPIRED')
  WHERE 'EXPIRED' = ANY ("errorCodes");
