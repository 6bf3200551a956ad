-- Personal data moves into ciphertext columns (hole 6). SQL cannot encrypt (the keys live in the app), so
-- existing values are copied as `p0:<plain>` ("plain, waiting to be sealed"); `npm run keys:rotate`
-- seals every `p0:` value with the current key. Run it right after this migration (docs/security.md).
-- SQLite cannot add a NOT NULL column without a default: the '' defaults stay on these columns (the app
-- always writes them).
ALTER TABLE `episodes` ADD `data_enc` text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE `episodes` SET `data_enc` = 'p0:' || json_object(
  'hospitalName', `hospital_name`, 'date', `date`, 'endDate', `end_date`, 'kind', `kind`, 'hospitalLevel', `hospital_level`,
  'specialDisease', json(CASE WHEN `special_disease` THEN 'true' ELSE 'false' END),
  'referred', json(CASE WHEN `referred` THEN 'true' ELSE 'false' END),
  'location', `location`,
  'offsiteFiled', json(CASE WHEN `offsite_filed` THEN 'true' ELSE 'false' END),
  'totalFen', `total_fen`, 'policyFen', `policy_fen`, 'basicPaidFen', `basic_paid_fen`, 'criticalPaidFen', `critical_paid_fen`,
  'supplementaryPaidFen', `supplementary_paid_fen`);--> statement-breakpoint
ALTER TABLE `person_categories` ADD `certificate_no_enc` text;--> statement-breakpoint
UPDATE `person_categories` SET `certificate_no_enc` = 'p0:' || `certificate_no` WHERE `certificate_no` IS NOT NULL;--> statement-breakpoint
ALTER TABLE `persons` ADD `name_enc` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `persons` ADD `name_masked` text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE `persons` SET `name_enc` = 'p0:' || `name`, `name_masked` = CASE
  WHEN length(trim(`name`)) <= 1 THEN trim(`name`)
  WHEN length(trim(`name`)) = 2 THEN substr(trim(`name`), 1, 1) || '*'
  ELSE substr(trim(`name`), 1, 1) || replace(hex(zeroblob(length(trim(`name`)) - 2)), '00', '*') || substr(trim(`name`), -1)
END;--> statement-breakpoint
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
