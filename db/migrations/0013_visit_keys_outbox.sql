CREATE TABLE `sms_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`text` text NOT NULL,
	`sent_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sms_outbox_unsent_idx` ON `sms_outbox` (`sent_at`,`created_at`);--> statement-breakpoint
ALTER TABLE `episodes` ADD `no_key` text;--> statement-breakpoint
ALTER TABLE `episodes` ADD `visit_key` text;--> statement-breakpoint
CREATE INDEX `episodes_no_key_idx` ON `episodes` (`no_key`);--> statement-breakpoint
CREATE INDEX `episodes_visit_key_idx` ON `episodes` (`visit_key`);--> statement-breakpoint
ALTER TABLE `settlements` ADD `assistance_paid_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `settlements` ADD `no_key` text;--> statement-breakpoint
ALTER TABLE `settlements` ADD `visit_key` text;--> statement-breakpoint
ALTER TABLE `settlements` ADD `hold_reason` text;--> statement-breakpoint
CREATE INDEX `settlements_visit_key_idx` ON `settlements` (`visit_key`);