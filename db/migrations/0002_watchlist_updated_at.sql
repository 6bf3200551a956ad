-- watchlist had createdAt and updatedAt on one column; nothing wrote to the table yet, so it is rebuilt
-- (SQLite cannot ADD a column whose default is an expression).
CREATE TABLE `__new_watchlist` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`region` text NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`charity_referral` text,
	`notes` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_watchlist` (`id`, `person_id`, `region`, `reason`, `status`, `charity_referral`, `notes`, `created_at`, `updated_at`)
  SELECT `id`, `person_id`, `region`, `reason`, `status`, `charity_referral`, `notes`, `created_at`, `created_at` FROM `watchlist`;
--> statement-breakpoint
DROP TABLE `watchlist`;
--> statement-breakpoint
ALTER TABLE `__new_watchlist` RENAME TO `watchlist`;
