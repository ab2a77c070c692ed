-- Messages about an elder in care named them in clear in their subject and body (张桂英的探访报告, 【关爱提醒】张桂英
-- 需要关注), shown so to everyone who may read the outbox, though the care module names an elder in clear only where
-- it allows. From now on the notifier puts '{{aboutName}}' where the caller wrote the elder's name and keeps the name
-- masked (about_name_masked) and encrypted (about_name_enc); the outbox page fills the slot in clear only for readers
-- who may reveal that elder, masked for the others, and delivery with the clear name.
ALTER TABLE "outbox_messages" ADD COLUMN "about_name_masked" text;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "about_name_enc" text;--> statement-breakpoint
-- The key lives in the app, so the names already stored can be neither encrypted here nor found by decrypting
-- care_recipients.name_enc. They are found where the four templates that ever named the elder put the name in the
-- subject, and replaced in subject and body by care_recipients.name_masked only when the name found masks to exactly
-- that (maskName in SQL, as in 0036); a row whose subject fits no template, or whose name masks otherwise, is left as
-- it was. Rows changed here go out with the masked name (most were sent or held long ago).
UPDATE "outbox_messages" o
   SET "subject" = replace(o."subject", f.name, f.masked),
       "body" = replace(o."body", f.name, f.masked)
  FROM (
    SELECT m.id, r.name_masked AS masked, coalesce(
             substring(m.subject from '^(.+)的探访报告（'),
             substring(m.subject from '^【关爱提醒】请帮忙看看(.+)$'),
             substring(m.subject from '^【关爱提醒】(.+)需要关注$'),
             -- Staff alerts: 【关爱提醒·紧急】<grid> <name>; escalations already wrote the masked name.
             substring(m.subject from '^【关爱提醒·[^】]*】.* ([^ ]+)$')) AS name
      FROM "outbox_messages" m
      JOIN "care_recipients" r ON r.id = m.ref_id
     WHERE m.ref_type = 'care_recipient'
  ) f
 WHERE f.id = o.id
   AND char_length(f.name) > 1
   AND f.name <> f.masked
   AND left(f.name, 1) || repeat('*', least(char_length(f.name) - 1, 3)) = f.masked;
