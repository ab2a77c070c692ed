-- The outbox kept each recipient's name in clear, in its column and in greetings (王小明您好), and showed it to
-- everyone who may read the outbox, though recipients include family contacts whose names are sealed everywhere
-- else. From now on the notifier writes the name masked (recipient_name_masked, for pages) and encrypted
-- (recipient_name_enc, decrypted by delivery only, for the To: header and the gateway's toName), and puts
-- '{{toName}}' where the name stood in the subject and body. The key lives in the app, so the names already
-- stored cannot be encrypted here: they are masked in place and taken out of their texts, and those messages go
-- out without a name (a greeting reads 您好).
ALTER TABLE "outbox_messages" RENAME COLUMN "recipient_name" TO "recipient_name_masked";--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "recipient_name_enc" text;--> statement-breakpoint
-- maskName (platform/crypto.ts) in SQL: trim what JavaScript's trim() trims, then the first character and one
-- '*' for each further one, at most three; one character or none is '*'. An empty name is no name (null), as
-- the notifier writes it. Both count code points. A test holds the two to the same results. (SET expressions
-- read the row as it was, so replace() sees the clear name.)
UPDATE "outbox_messages" o
   SET "recipient_name_masked" = CASE
         WHEN char_length(t.name) <= 1 THEN '*'
         ELSE left(t.name, 1) || repeat('*', least(char_length(t.name) - 1, 3))
       END,
       "subject" = replace(o."subject", o."recipient_name_masked", '{{toName}}'),
       "body" = replace(o."body", o."recipient_name_masked", '{{toName}}')
  FROM (
    SELECT id, btrim("recipient_name_masked",
                 E'\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff') AS name
      FROM "outbox_messages"
     WHERE "recipient_name_masked" <> ''
  ) t
 WHERE t.id = o.id;--> statement-breakpoint
UPDATE "outbox_messages" SET "recipient_name_masked" = NULL WHERE "recipient_name_masked" = '';
