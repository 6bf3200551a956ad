DROP INDEX `applications_region_status_idx`;--> statement-breakpoint
CREATE INDEX `applications_region_submitted_idx` ON `applications` (`region`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `applications_region_category_idx` ON `applications` (`region`,`primary_category`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `applications_region_district_idx` ON `applications` (`region`,`district`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `applications_assigned_idx` ON `applications` (`assigned_to_user_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `applications_region_status_idx` ON `applications` (`region`,`status`,`submitted_at`);