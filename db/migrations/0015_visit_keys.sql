ALTER TABLE `episodes` ADD `no_key` text;--> statement-breakpoint
ALTER TABLE `episodes` ADD `visit_key` text;--> statement-breakpoint
CREATE INDEX `episodes_no_key_idx` ON `episodes` (`no_key`);--> statement-breakpoint
CREATE INDEX `episodes_visit_key_idx` ON `episodes` (`visit_key`);--> statement-breakpoint
ALTER TABLE `settlements` ADD `assistance_paid_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `settlements` ADD `no_key` text;--> statement-breakpoint
ALTER TABLE `settlements` ADD `visit_key` text;--> statement-breakpoint
ALTER TABLE `settlements` ADD `hold_reason` text;--> statement-breakpoint
CREATE INDEX `settlements_visit_key_idx` ON `settlements` (`visit_key`);