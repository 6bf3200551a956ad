CREATE TABLE "jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"region" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"payload_enc" text,
	"title" text NOT NULL,
	"dedupe_key" text,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"result" jsonb,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_by_user_id" text,
	"locked_by" text,
	"heartbeat_at" text,
	"started_at" text,
	"finished_at" text,
	"created_at" text DEFAULT to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL,
	"updated_at" text DEFAULT to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settlements" (
	"id" text PRIMARY KEY NOT NULL,
	"region" text NOT NULL,
	"settlement_no" text NOT NULL,
	"id_number_hmac" text NOT NULL,
	"person_id" text,
	"date" text NOT NULL,
	"year" integer NOT NULL,
	"data_enc" text NOT NULL,
	"self_pay_fen" bigint NOT NULL,
	"application_id" text,
	"job_id" text,
	"created_at" text DEFAULT to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL
);
--> statement-breakpoint
ALTER TABLE "watchlist" ADD COLUMN "period" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "watchlist" ADD COLUMN "burden_fen" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "watchlist" ADD COLUMN "income_fen" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "watchlist" ADD COLUMN "notice_sent_at" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jobs_status_idx" ON "jobs" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_dedupe_uq" ON "jobs" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "jobs_region_idx" ON "jobs" USING btree ("region","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "settlements_region_no_uq" ON "settlements" USING btree ("region","settlement_no");--> statement-breakpoint
CREATE INDEX "settlements_person_year_idx" ON "settlements" USING btree ("person_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "watchlist_person_period_uq" ON "watchlist" USING btree ("person_id","region","period");--> statement-breakpoint
CREATE INDEX "watchlist_region_status_idx" ON "watchlist" USING btree ("region","status");