ALTER TABLE "care_consents" ADD COLUMN "superseded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "care_consents" ADD COLUMN "superseded_by" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "care_consents_in_force" ON "care_consents" USING btree ("recipient_id") WHERE "care_consents"."withdrawn_at" is null;