CREATE TABLE "care_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"recipient_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"visit_id" uuid,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"summary" text NOT NULL,
	"missed_due_at" timestamp with time zone,
	"status" text DEFAULT 'open' NOT NULL,
	"escalation_level" smallint DEFAULT 0 NOT NULL,
	"escalate_at" timestamp with time zone NOT NULL,
	"owner_account_id" uuid,
	"acknowledged_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"outcome" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"recipient_id" uuid NOT NULL,
	"given_by" text NOT NULL,
	"by_proxy" boolean NOT NULL,
	"proxy_relation" text,
	"purposes" text[] NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "care_contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"recipient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"relation" text NOT NULL,
	"channel" text NOT NULL,
	"address_enc" text NOT NULL,
	"address_masked" text NOT NULL,
	"shares" text DEFAULT 'summary' NOT NULL,
	"token_enc" text,
	"token_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_contacts_three" CHECK ("care_contacts"."position" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "care_recipients" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"name_enc" text,
	"name_masked" text NOT NULL,
	"phone_enc" text,
	"phone_masked" text,
	"address_enc" text,
	"address_masked" text,
	"health_notes_enc" text,
	"circumstances" text[] NOT NULL,
	"frequency" text NOT NULL,
	"interval_days" smallint NOT NULL,
	"help_wanted" text[] NOT NULL,
	"extra_items" text[] NOT NULL,
	"main_volunteer_id" uuid,
	"backup_volunteer_id" uuid,
	"route_position" integer DEFAULT 0 NOT NULL,
	"last_visit_at" timestamp with time zone,
	"missed_after" timestamp with time zone NOT NULL,
	"visit_count" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_recipients_interval" CHECK ("care_recipients"."interval_days" between 1 and 31)
);
--> statement-breakpoint
CREATE TABLE "care_visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"recipient_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"volunteer_id" uuid,
	"account_id" uuid,
	"visited_at" timestamp with time zone NOT NULL,
	"minutes" smallint NOT NULL,
	"presence" text NOT NULL,
	"answers" jsonb,
	"help_given" text[] NOT NULL,
	"note_enc" text,
	"concern" text NOT NULL,
	"confirmation" text NOT NULL,
	"signature_enc" text,
	"late_reason" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "care_alerts" ADD CONSTRAINT "care_alerts_recipient_id_care_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."care_recipients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_alerts" ADD CONSTRAINT "care_alerts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_alerts" ADD CONSTRAINT "care_alerts_visit_id_care_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."care_visits"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_alerts" ADD CONSTRAINT "care_alerts_owner_account_id_accounts_id_fk" FOREIGN KEY ("owner_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_alerts" ADD CONSTRAINT "care_alerts_resolved_by_accounts_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_consents" ADD CONSTRAINT "care_consents_recipient_id_care_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."care_recipients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_consents" ADD CONSTRAINT "care_consents_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_contacts" ADD CONSTRAINT "care_contacts_recipient_id_care_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."care_recipients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_recipients" ADD CONSTRAINT "care_recipients_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_recipients" ADD CONSTRAINT "care_recipients_main_volunteer_id_persons_id_fk" FOREIGN KEY ("main_volunteer_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_recipients" ADD CONSTRAINT "care_recipients_backup_volunteer_id_persons_id_fk" FOREIGN KEY ("backup_volunteer_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_recipients" ADD CONSTRAINT "care_recipients_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visits" ADD CONSTRAINT "care_visits_recipient_id_care_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."care_recipients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visits" ADD CONSTRAINT "care_visits_volunteer_id_persons_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visits" ADD CONSTRAINT "care_visits_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "care_alerts_missed_once" ON "care_alerts" USING btree ("recipient_id","missed_due_at") WHERE kind = 'missed_visit';--> statement-breakpoint
CREATE UNIQUE INDEX "care_alerts_visit_once" ON "care_alerts" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "care_alerts_org_status" ON "care_alerts" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "care_alerts_escalate" ON "care_alerts" USING btree ("escalate_at") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "care_consents_recipient" ON "care_consents" USING btree ("recipient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "care_contacts_slot" ON "care_contacts" USING btree ("recipient_id","kind","position");--> statement-breakpoint
CREATE UNIQUE INDEX "care_contacts_token" ON "care_contacts" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "care_recipients_org" ON "care_recipients" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "care_recipients_main" ON "care_recipients" USING btree ("main_volunteer_id","route_position");--> statement-breakpoint
CREATE INDEX "care_recipients_backup" ON "care_recipients" USING btree ("backup_volunteer_id");--> statement-breakpoint
CREATE INDEX "care_recipients_missed" ON "care_recipients" USING btree ("missed_after") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "care_visits_recipient" ON "care_visits" USING btree ("recipient_id","visited_at");--> statement-breakpoint
CREATE INDEX "care_visits_volunteer" ON "care_visits" USING btree ("volunteer_id","visited_at");