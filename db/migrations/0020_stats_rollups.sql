CREATE TABLE `application_stats_monthly` (
	`region` text NOT NULL,
	`month` text NOT NULL,
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
CREATE UNIQUE INDEX `application_stats_monthly_pk` ON `application_stats_monthly` (`region`,`month`,`district`,`status`,`decision_day`);--> statement-breakpoint
CREATE TABLE `payment_stats_daily` (
	`region` text NOT NULL,
	`day` text NOT NULL,
	`district` text DEFAULT '' NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`pool` text NOT NULL,
	`amount_fen` integer DEFAULT 0 NOT NULL,
	`n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_stats_daily_pk` ON `payment_stats_daily` (`region`,`day`,`district`,`category`,`pool`);--> statement-breakpoint
CREATE INDEX `payments_application_idx` ON `payments` (`application_id`);