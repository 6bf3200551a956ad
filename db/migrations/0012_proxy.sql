ALTER TABLE `audit_log` ADD `authority_id` text;--> statement-breakpoint
CREATE INDEX `audit_log_authority_idx` ON `audit_log` (`authority_id`);--> statement-breakpoint
ALTER TABLE `authorities` ADD `kind` text DEFAULT 'invitation' NOT NULL;--> statement-breakpoint
ALTER TABLE `authorities` ADD `application_id` text;--> statement-breakpoint
ALTER TABLE `authorities` ADD `proxy_phone_enc` text;--> statement-breakpoint
ALTER TABLE `authorities` ADD `invited_by_user_id` text;--> statement-breakpoint
ALTER TABLE `authorities` ADD `invite_expires_at` text;--> statement-breakpoint
ALTER TABLE `authorities` ADD `fact_attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `authorities` ADD `accepted_at` text;--> statement-breakpoint
ALTER TABLE `authorities` ADD `verify_note` text;--> statement-breakpoint
ALTER TABLE `authorities` ADD `decline_reason` text;--> statement-breakpoint
ALTER TABLE `authorities` ADD `ended_by_user_id` text;--> statement-breakpoint
ALTER TABLE `authorities` ADD `reminded_at` text;--> statement-breakpoint
ALTER TABLE `events` ADD `authority_id` text;