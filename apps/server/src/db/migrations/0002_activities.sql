CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"kind_id" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place_id" uuid,
	"location" text,
	"description" text DEFAULT '' NOT NULL,
	"capacity" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"public_token" text NOT NULL,
	"taken_count" integer DEFAULT 0 NOT NULL,
	"attendance_count" integer DEFAULT 0 NOT NULL,
	"outcome" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_public_token_unique" UNIQUE("public_token"),
	CONSTRAINT "activities_capacity_holds" CHECK ("activities"."capacity" is null or "activities"."taken_count" <= "activities"."capacity"),
	CONSTRAINT "activities_time_order" CHECK ("activities"."ends_at" >= "activities"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "activity_kinds" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"outcome_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "activity_organisers" (
	"activity_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	CONSTRAINT "activity_organisers_activity_id_org_id_pk" PRIMARY KEY("activity_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "signups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"activity_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"phone_enc" text,
	"phone_bidx" text,
	"phone_masked" text,
	"status" text NOT NULL,
	"walkin" boolean DEFAULT false NOT NULL,
	"consent_at" timestamp with time zone,
	"offer_expires_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"checkin_method" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signups_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_kind_id_activity_kinds_id_fk" FOREIGN KEY ("kind_id") REFERENCES "public"."activity_kinds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_organisers" ADD CONSTRAINT "activity_organisers_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_organisers" ADD CONSTRAINT "activity_organisers_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signups" ADD CONSTRAINT "signups_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_org_starts" ON "activities" USING btree ("org_id","starts_at");--> statement-breakpoint
CREATE INDEX "activities_starts" ON "activities" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "activity_organisers_org" ON "activity_organisers" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signups_one_per_phone" ON "signups" USING btree ("activity_id","phone_bidx") WHERE "signups"."status" in ('confirmed', 'waitlisted', 'offered');--> statement-breakpoint
CREATE INDEX "signups_queue" ON "signups" USING btree ("activity_id","status","created_at");