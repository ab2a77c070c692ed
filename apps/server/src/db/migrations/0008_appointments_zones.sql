CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"post" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "responsibility_zones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"roles" text[] NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_zones" ADD CONSTRAINT "responsibility_zones_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_zones" ADD CONSTRAINT "responsibility_zones_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_person" ON "appointments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "appointments_org" ON "appointments" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "zones_one_current_per_place" ON "responsibility_zones" USING btree ("place_id") WHERE "responsibility_zones"."ends_on" is null;--> statement-breakpoint
CREATE INDEX "zones_person" ON "responsibility_zones" USING btree ("person_id");