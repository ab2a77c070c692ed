CREATE TABLE "service_offerings" (
	"place_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_offerings_place_id_kind_pk" PRIMARY KEY("place_id","kind")
);
--> statement-breakpoint
CREATE TABLE "service_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"place_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"person_name" text NOT NULL,
	"phone_enc" text,
	"phone_bidx" text,
	"phone_masked" text,
	"item" text DEFAULT '' NOT NULL,
	"claim_code_hash" text,
	"due_on" date,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_tallies" (
	"place_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_tallies_place_id_kind_day_pk" PRIMARY KEY("place_id","kind","day"),
	CONSTRAINT "service_tallies_count_nonneg" CHECK ("service_tallies"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "service_taps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"place_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"delta" integer NOT NULL,
	"account_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "station_function_links" (
	"place_id" uuid NOT NULL,
	"function_id" text NOT NULL,
	CONSTRAINT "station_function_links_place_id_function_id_pk" PRIMARY KEY("place_id","function_id")
);
--> statement-breakpoint
CREATE TABLE "station_functions" (
	"id" text PRIMARY KEY NOT NULL,
	"group_key" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "station_profiles" (
	"place_id" uuid PRIMARY KEY NOT NULL,
	"positionings" text[] DEFAULT '{}'::text[] NOT NULL,
	"head_person_id" uuid,
	"community_org_id" uuid,
	"grid_org_id" uuid,
	"contact_phone" text,
	"intro" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_leads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"activity_id" uuid,
	"place_id" uuid,
	"name" text NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_bidx" text NOT NULL,
	"phone_masked" text NOT NULL,
	"interest" text NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_leads_where" CHECK ("business_leads"."activity_id" is not null or "business_leads"."place_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "business_outcomes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"activity_id" uuid,
	"place_id" uuid,
	"kind" text NOT NULL,
	"product" text DEFAULT '' NOT NULL,
	"quantity" integer DEFAULT 0 NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"occurred_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_outcomes_where" CHECK ("business_outcomes"."activity_id" is not null or "business_outcomes"."place_id" is not null),
	CONSTRAINT "business_outcomes_nonneg" CHECK ("business_outcomes"."quantity" >= 0 and "business_outcomes"."amount_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "service_offerings" ADD CONSTRAINT "service_offerings_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_closed_by_accounts_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_tallies" ADD CONSTRAINT "service_tallies_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_taps" ADD CONSTRAINT "service_taps_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_taps" ADD CONSTRAINT "service_taps_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_function_links" ADD CONSTRAINT "station_function_links_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_function_links" ADD CONSTRAINT "station_function_links_function_id_station_functions_id_fk" FOREIGN KEY ("function_id") REFERENCES "public"."station_functions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_profiles" ADD CONSTRAINT "station_profiles_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_profiles" ADD CONSTRAINT "station_profiles_head_person_id_persons_id_fk" FOREIGN KEY ("head_person_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_profiles" ADD CONSTRAINT "station_profiles_community_org_id_orgs_id_fk" FOREIGN KEY ("community_org_id") REFERENCES "public"."orgs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_profiles" ADD CONSTRAINT "station_profiles_grid_org_id_orgs_id_fk" FOREIGN KEY ("grid_org_id") REFERENCES "public"."orgs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_leads" ADD CONSTRAINT "business_leads_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_leads" ADD CONSTRAINT "business_leads_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_leads" ADD CONSTRAINT "business_leads_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_leads" ADD CONSTRAINT "business_leads_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_outcomes" ADD CONSTRAINT "business_outcomes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_outcomes" ADD CONSTRAINT "business_outcomes_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_outcomes" ADD CONSTRAINT "business_outcomes_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_outcomes" ADD CONSTRAINT "business_outcomes_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_records_place_status" ON "service_records" USING btree ("place_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "service_records_live_claim_code" ON "service_records" USING btree ("place_id","claim_code_hash") WHERE "service_records"."status" = 'stored';--> statement-breakpoint
CREATE INDEX "service_taps_place_day" ON "service_taps" USING btree ("place_id","day");--> statement-breakpoint
CREATE INDEX "business_leads_org" ON "business_leads" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "business_outcomes_org_day" ON "business_outcomes" USING btree ("org_id","occurred_on");