CREATE TABLE "watch_leads" (
	"id" text PRIMARY KEY NOT NULL,
	"region" text NOT NULL,
	"period" text NOT NULL,
	"id_number_hmac" text NOT NULL,
	"reason" text NOT NULL,
	"burden_fen" bigint DEFAULT 0 NOT NULL,
	"detail_enc" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"person_id" text,
	"created_at" text DEFAULT to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL,
	"updated_at" text DEFAULT to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL
);
--> statement-breakpoint
ALTER TABLE "watch_leads" ADD CONSTRAINT "watch_leads_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "watch_leads_hmac_period_uq" ON "watch_leads" USING btree ("id_number_hmac","region","period");--> statement-breakpoint
CREATE INDEX "watch_leads_region_status_idx" ON "watch_leads" USING btree ("region","status");