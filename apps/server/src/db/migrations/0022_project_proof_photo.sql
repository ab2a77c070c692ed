ALTER TABLE "projects" ADD COLUMN "proof_photo_key" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "proof_thumb_key" text;