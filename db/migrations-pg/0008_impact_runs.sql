CREATE TABLE "impact_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"region" text NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"draft_value" integer NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"result" jsonb,
	"error" text,
	"created_by" text,
	"created_at" text DEFAULT to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL,
	"finished_at" text
);
--> statement-breakpoint
ALTER TABLE "impact_runs" ADD CONSTRAINT "impact_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "impact_runs_region_idx" ON "impact_runs" USING btree ("region","created_at");