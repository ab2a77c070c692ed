CREATE TABLE "rollup_tree_month" (
	"org_id" uuid NOT NULL,
	"month" date NOT NULL,
	"metric" text NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "rollup_tree_month_org_id_month_metric_pk" PRIMARY KEY("org_id","month","metric")
);
--> statement-breakpoint
ALTER TABLE "rollup_tree_month" ADD CONSTRAINT "rollup_tree_month_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;