ALTER TABLE "episodes" ADD COLUMN "no_key" text;--> statement-breakpoint
ALTER TABLE "episodes" ADD COLUMN "visit_key" text;--> statement-breakpoint
ALTER TABLE "settlements" ADD COLUMN "assistance_paid_fen" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "settlements" ADD COLUMN "no_key" text;--> statement-breakpoint
ALTER TABLE "settlements" ADD COLUMN "visit_key" text;--> statement-breakpoint
ALTER TABLE "settlements" ADD COLUMN "hold_reason" text;--> statement-breakpoint
CREATE INDEX "episodes_no_key_idx" ON "episodes" USING btree ("no_key");--> statement-breakpoint
CREATE INDEX "episodes_visit_key_idx" ON "episodes" USING btree ("visit_key");--> statement-breakpoint
CREATE INDEX "settlements_visit_key_idx" ON "settlements" USING btree ("visit_key");