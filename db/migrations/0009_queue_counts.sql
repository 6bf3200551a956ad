CREATE TABLE `application_counts` (
	`region` text NOT NULL,
	`district` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `application_counts_pk` ON `application_counts` (`region`,`district`,`status`);--> statement-breakpoint
DROP INDEX `applications_region_submitted_idx`;--> statement-breakpoint
DROP INDEX `applications_region_category_idx`;--> statement-breakpoint
DROP INDEX `applications_region_district_idx`;--> statement-breakpoint
DROP INDEX `applications_assigned_idx`;--> statement-breakpoint
CREATE INDEX `applications_region_amount_idx` ON `applications` (`region`,`estimated_fen`,`status`);--> statement-breakpoint
CREATE INDEX `applications_region_updated_idx` ON `applications` (`region`,`updated_at`);--> statement-breakpoint
CREATE INDEX `applications_region_submitted_idx` ON `applications` (`region`,`submitted_at`,`status`);--> statement-breakpoint
CREATE INDEX `applications_region_category_idx` ON `applications` (`region`,`primary_category`,`submitted_at`,`status`);--> statement-breakpoint
CREATE INDEX `applications_region_district_idx` ON `applications` (`region`,`district`,`submitted_at`,`status`);--> statement-breakpoint
CREATE INDEX `applications_assigned_idx` ON `applications` (`assigned_to_user_id`,`submitted_at`,`region`,`status`);--> statement-breakpoint
-- The counts follow applications inside the same transaction: a trigger per insert, change of status, region or
-- district, and delete. Drafts are never counted. Hand-written (drizzle-kit does not generate triggers).
INSERT INTO application_counts (region, district, status, n)
  SELECT region, coalesce(district, ''), status, count(*) FROM applications WHERE status <> 'draft' GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE TRIGGER application_counts_insert AFTER INSERT ON applications WHEN NEW.status <> 'draft'
BEGIN
  INSERT INTO application_counts (region, district, status, n) VALUES (NEW.region, coalesce(NEW.district, ''), NEW.status, 1)
    ON CONFLICT (region, district, status) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER application_counts_update AFTER UPDATE OF status, region, district ON applications
  WHEN OLD.status IS NOT NEW.status OR OLD.region IS NOT NEW.region OR OLD.district IS NOT NEW.district
BEGIN
  UPDATE application_counts SET n = n - 1
    WHERE OLD.status <> 'draft' AND region = OLD.region AND district = coalesce(OLD.district, '') AND status = OLD.status;
  INSERT INTO application_counts (region, district, status, n)
    SELECT NEW.region, coalesce(NEW.district, ''), NEW.status, 1 WHERE NEW.status <> 'draft'
    ON CONFLICT (region, district, status) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER application_counts_delete AFTER DELETE ON applications WHEN OLD.status <> 'draft'
BEGIN
  UPDATE application_counts SET n = n - 1 WHERE region = OLD.region AND district = coalesce(OLD.district, '') AND status = OLD.status;
END;
