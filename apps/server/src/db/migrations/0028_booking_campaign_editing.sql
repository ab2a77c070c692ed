ALTER TABLE "booking_campaigns" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "booking_slots" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "booking_slots" ADD COLUMN "open_capacity" integer;--> statement-breakpoint
ALTER TABLE "booking_slots" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "booking_slots_starts" ON "booking_slots" USING btree ("starts_at");--> statement-breakpoint
ALTER TABLE "booking_slots" ADD CONSTRAINT "booking_slots_closed_full" CHECK (case when "booking_slots"."closed_at" is null then "booking_slots"."open_capacity" is null else "booking_slots"."capacity" = "booking_slots"."booked" and "booking_slots"."open_capacity" >= "booking_slots"."booked" end);