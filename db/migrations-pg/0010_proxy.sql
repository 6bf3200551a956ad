ALTER TABLE "audit_log" ADD COLUMN "authority_id" text;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "kind" text DEFAULT 'invitation' NOT NULL;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "application_id" text;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "proxy_phone_enc" text;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "invited_by_user_id" text;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "invite_expires_at" text;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "fact_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "accepted_at" text;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "verify_note" text;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "decline_reason" text;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "ended_by_user_id" text;--> statement-breakpoint
ALTER TABLE "authorities" ADD COLUMN "reminded_at" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "authority_id" text;--> statement-breakpoint
CREATE INDEX "audit_log_authority_idx" ON "audit_log" USING btree ("authority_id");