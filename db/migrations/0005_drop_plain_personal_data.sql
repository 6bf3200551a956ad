ALTER TABLE `episodes` DROP COLUMN `hospital_name`;--> statement-breakpoint
ALTER TABLE `episodes` DROP COLUMN `date`;--> statement-breakpoint
ALTER TABLE `episodes` DROP COLUMN `end_date`;--> statement-breakpoint
ALTER TABLE `episodes` DROP COLUMN `kind`;--> statement-breakpoint
ALTER TABLE `episodes` DROP COLUMN `hospital_level`;--> statement-breakpoint
ALTER TABLE `episodes` DROP COLUMN `special_disease`;--> statement-breakpoint
ALTER TABLE `episodes` DROP COLUMN `referred`;--> statement-breakpoint
ALTER TABLE `episodes` DROP COLUMN `location`;--> statement-breakpoint
ALTER TABLE `episodes` DROP COLUMN `offsite_filed`;--> statement-breakpoint
ALTER TABLE `episodes` DROP COLUMN `total_fen`;--> statement-breakpoint
ALTER TABLE `episodes` DROP COLUMN `policy_fen`;--> statement-breakpoint
ALTER TABLE `episodes` DROP COLUMN `basic_paid_fen`;--> statement-breakpoint
ALTER TABLE `episodes` DROP COLUMN `critical_paid_fen`;--> statement-breakpoint
ALTER TABLE `episodes` DROP COLUMN `supplementary_paid_fen`;--> statement-breakpoint
ALTER TABLE `person_categories` DROP COLUMN `certificate_no`;--> statement-breakpoint
ALTER TABLE `persons` DROP COLUMN `name`;