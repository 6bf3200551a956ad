CREATE TABLE `impact_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`region` text NOT NULL,
	`year` integer NOT NULL,
	`name` text NOT NULL,
	`draft_value` integer NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`result` text,
	`error` text,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`finished_at` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `impact_runs_region_idx` ON `impact_runs` (`region`,`created_at`);