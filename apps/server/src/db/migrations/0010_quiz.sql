CREATE TABLE "quiz_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"quiz_id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone_bidx" text NOT NULL,
	"phone_masked" text NOT NULL,
	"answers" jsonb NOT NULL,
	"score" integer NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quizzes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"activity_id" uuid NOT NULL,
	"title" text NOT NULL,
	"questions" jsonb NOT NULL,
	"prize_count" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"draw" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quizzes_activity_id_unique" UNIQUE("activity_id")
);
--> statement-breakpoint
ALTER TABLE "quiz_entries" ADD CONSTRAINT "quiz_entries_quiz_id_quizzes_id_fk" FOREIGN KEY ("quiz_id") REFERENCES "public"."quizzes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quizzes" ADD CONSTRAINT "quizzes_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_entries_one_per_phone" ON "quiz_entries" USING btree ("quiz_id","phone_bidx");--> statement-breakpoint
CREATE INDEX "quiz_entries_score" ON "quiz_entries" USING btree ("quiz_id","score");