CREATE TABLE "wristband_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"label" text NOT NULL,
	"size" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wristband_scans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"wristband_id" uuid NOT NULL,
	"recipient_id" uuid,
	"scanned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_hash" text,
	"notified_at" timestamp with time zone,
	"lat" double precision,
	"lng" double precision,
	"accuracy_m" integer,
	"callback_phone_enc" text,
	"callback_phone_masked" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "wristbands" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"batch_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text DEFAULT 'unbound' NOT NULL,
	"recipient_id" uuid,
	"bound_at" timestamp with time zone,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wristbands_code_unique" UNIQUE("code"),
	CONSTRAINT "wristbands_bound_has_recipient" CHECK ("wristbands"."status" <> 'bound' or "wristbands"."recipient_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "wristband_batches" ADD CONSTRAINT "wristband_batches_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wristband_batches" ADD CONSTRAINT "wristband_batches_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wristband_scans" ADD CONSTRAINT "wristband_scans_wristband_id_wristbands_id_fk" FOREIGN KEY ("wristband_id") REFERENCES "public"."wristbands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wristband_scans" ADD CONSTRAINT "wristband_scans_recipient_id_care_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."care_recipients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wristbands" ADD CONSTRAINT "wristbands_batch_id_wristband_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."wristband_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wristbands" ADD CONSTRAINT "wristbands_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wristbands" ADD CONSTRAINT "wristbands_recipient_id_care_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."care_recipients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wristband_scans_band" ON "wristband_scans" USING btree ("wristband_id","scanned_at");--> statement-breakpoint
CREATE INDEX "wristband_scans_recipient" ON "wristband_scans" USING btree ("recipient_id");--> statement-breakpoint
CREATE INDEX "wristbands_batch" ON "wristbands" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "wristbands_recipient" ON "wristbands" USING btree ("recipient_id");--> statement-breakpoint
CREATE INDEX "wristbands_org_status" ON "wristbands" USING btree ("org_id","status");