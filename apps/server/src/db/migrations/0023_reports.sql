CREATE TABLE "press_releases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"activity_id" uuid,
	"title" text NOT NULL,
	"lead" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"outlet" text,
	"published_on" date,
	"link" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_dirty" (
	"org_id" uuid NOT NULL,
	"month" date NOT NULL,
	"tx" bigint DEFAULT txid_current() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_org_month" (
	"org_id" uuid NOT NULL,
	"month" date NOT NULL,
	"metric" text NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "rollup_org_month_org_id_month_metric_pk" PRIMARY KEY("org_id","month","metric")
);
--> statement-breakpoint
ALTER TABLE "press_releases" ADD CONSTRAINT "press_releases_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_releases" ADD CONSTRAINT "press_releases_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_releases" ADD CONSTRAINT "press_releases_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_org_month" ADD CONSTRAINT "rollup_org_month_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "press_releases_org" ON "press_releases" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "press_releases_activity" ON "press_releases" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "rollup_dirty_pair" ON "rollup_dirty" USING btree ("org_id","month","tx");--> statement-breakpoint
CREATE INDEX "rollup_org_month_month" ON "rollup_org_month" USING btree ("month","metric");