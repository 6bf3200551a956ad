CREATE TABLE `application_stats_daily` (
	`region` text NOT NULL,
	`day` text NOT NULL,
	`district` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`decision_day` integer NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	`bill_stays` integer DEFAULT 0 NOT NULL,
	`bill_policy_fen` integer DEFAULT 0 NOT NULL,
	`bill_left_fen` integer DEFAULT 0 NOT NULL,
	`bill_over_target` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `application_stats_daily_pk` ON `application_stats_daily` (`region`,`day`,`district`,`status`,`decision_day`);--> statement-breakpoint
ALTER TABLE `applications` ADD `decision_ms` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `bill_stays` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `bill_policy_fen` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `bill_left_fen` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `bill_over_target` integer;--> statement-breakpoint
CREATE INDEX `applications_region_decision_idx` ON `applications` (`region`,`decision_ms`,`submitted_at`,`status`,`district`);--> statement-breakpoint
CREATE INDEX `applications_bill_pending_idx` ON `applications` (`region`,`submitted_at`) WHERE bill_stays is null;