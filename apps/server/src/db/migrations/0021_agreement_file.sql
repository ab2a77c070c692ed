ALTER TABLE "partnerships" ADD COLUMN "agreement_file_key" text;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "agreement_file_name" text;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "agreement_file_type" text;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "agreement_file_bytes" integer;