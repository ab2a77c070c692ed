CREATE TABLE "booking_campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"fields" jsonb NOT NULL,
	"identity_field" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"public_token" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_campaigns_public_token_unique" UNIQUE("public_token"),
	CONSTRAINT "booking_campaigns_period" CHECK ("booking_campaigns"."closes_at" > "booking_campaigns"."opens_at")
);
--> statement-breakpoint
CREATE TABLE "booking_slots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "booking_slots_capacity_holds" CHECK ("booking_slots"."booked" >= 0 and "booking_slots"."booked" <= "booking_slots"."capacity"),
	CONSTRAINT "booking_slots_time_order" CHECK ("booking_slots"."ends_at" > "booking_slots"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"code" text NOT NULL,
	"identity_bidx" text NOT NULL,
	"idempotency_key" text,
	"values_enc" text NOT NULL,
	"name_masked" text DEFAULT '' NOT NULL,
	"phone_masked" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"offer_expires_at" timestamp with time zone,
	"fulfilled_at" timestamp with time zone,
	"fulfilled_by" uuid,
	"reminder_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "booking_campaigns" ADD CONSTRAINT "booking_campaigns_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_campaigns" ADD CONSTRAINT "booking_campaigns_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_slots" ADD CONSTRAINT "booking_slots_campaign_id_booking_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."booking_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_slots" ADD CONSTRAINT "booking_slots_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_campaign_id_booking_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."booking_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_slot_id_booking_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."booking_slots"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_fulfilled_by_accounts_id_fk" FOREIGN KEY ("fulfilled_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "booking_campaigns_org" ON "booking_campaigns" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "booking_slots_campaign" ON "booking_slots" USING btree ("campaign_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_one_per_person" ON "bookings" USING btree ("campaign_id","identity_bidx") WHERE "bookings"."status" in ('confirmed', 'waitlisted', 'offered', 'fulfilled');--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_idempotency" ON "bookings" USING btree ("campaign_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "bookings_slot_queue" ON "bookings" USING btree ("slot_id","status","created_at");--> statement-breakpoint
CREATE INDEX "bookings_campaign_created" ON "bookings" USING btree ("campaign_id","created_at");