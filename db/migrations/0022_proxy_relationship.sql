CREATE TABLE `community_workers` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`region` text NOT NULL,
	`organisation` text NOT NULL,
	`authority_id` text,
	`verified_by` text NOT NULL,
	`verified_at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`authority_id`) REFERENCES `authorities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`verified_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `community_workers_user_region_uq` ON `community_workers` (`user_id`,`region`);--> statement-breakpoint
ALTER TABLE `authorities` ADD `relationship` text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE `authorities` ADD `proxy_name_enc` text;--> statement-breakpoint
ALTER TABLE `authorities` ADD `proxy_id_number_enc` text;