CREATE TABLE "sms_outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"text" text NOT NULL,
	"sent_at" text,
	"created_at" text DEFAULT to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL
);
--> statement-breakpoint
ALTER TABLE "episodes" ADD COLUMN "no_key" text;--> statement-breakpoint
ALTER TABLE "episodes" ADD COLUMN "visit_key" text;--> statement-breakpoint
ALTER TABLE "settlements" ADD COLUMN "assistance_paid_fen" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "settlements" ADD COLUMN "no_key" text;--> statement-breakpoint
ALTER TABLE "settlements" ADD COLUMN "visit_key" text;--> statement-breakpoint
ALTER TABLE "settlements" ADD COLUMN "hold_reason" text;--> statement-breakpoint
ALTER TABLE "sms_outbox" ADD CONSTRAINT "sms_outbox_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sms_outbox_unsent_idx" ON "sms_outbox" USING btree ("sent_at","created_at");--> statement-breakpoint
CREATE INDEX "episodes_no_key_idx" ON "episodes" USING btree ("no_key");--> statement-breakpoint
CREATE INDEX "episodes_visit_key_idx" ON "episodes" USING btree ("visit_key");--> statement-breakpoint
CREATE INDEX "settlements_visit_key_idx" ON "settlements" USING btree ("visit_key");