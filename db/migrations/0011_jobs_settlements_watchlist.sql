CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`region` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`payload_enc` text,
	`title` text NOT NULL,
	`dedupe_key` text,
	`done` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`result` text,
	`error` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_by_user_id` text,
	`locked_by` text,
	`heartbeat_at` text,
	`started_at` text,
	`finished_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `jobs_status_idx` ON `jobs` (`status`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_dedupe_uq` ON `jobs` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `jobs_region_idx` ON `jobs` (`region`,`created_at`);--> statement-breakpoint
CREATE TABLE `settlements` (
	`id` text PRIMARY KEY NOT NULL,
	`region` text NOT NULL,
	`settlement_no` text NOT NULL,
	`id_number_hmac` text NOT NULL,
	`person_id` text,
	`date` text NOT NULL,
	`year` integer NOT NULL,
	`data_enc` text NOT NULL,
	`self_pay_fen` integer NOT NULL,
	`application_id` text,
	`job_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `settlements_region_no_uq` ON `settlements` (`region`,`settlement_no`);--> statement-breakpoint
CREATE INDEX `settlements_person_year_idx` ON `settlements` (`person_id`,`year`);--> statement-breakpoint
ALTER TABLE `watchlist` ADD `period` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `watchlist` ADD `burden_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `watchlist` ADD `income_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `watchlist` ADD `notice_sent_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `watchlist_person_period_uq` ON `watchlist` (`person_id`,`region`,`period`);--> statement-breakpoint
CREATE INDEX `watchlist_region_status_idx` ON `watchlist` (`region`,`status`);