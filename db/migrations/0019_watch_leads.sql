CREATE TABLE `watch_leads` (
	`id` text PRIMARY KEY NOT NULL,
	`region` text NOT NULL,
	`period` text NOT NULL,
	`id_number_hmac` text NOT NULL,
	`reason` text NOT NULL,
	`burden_fen` integer DEFAULT 0 NOT NULL,
	`detail_enc` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`person_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `watch_leads_hmac_period_uq` ON `watch_leads` (`id_number_hmac`,`region`,`period`);--> statement-breakpoint
CREATE INDEX `watch_leads_region_status_idx` ON `watch_leads` (`region`,`status`);