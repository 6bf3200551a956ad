CREATE TABLE "application_counts" (
	"region" text NOT NULL,
	"district" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX "applications_region_submitted_idx";--> statement-breakpoint
DROP INDEX "applications_region_category_idx";--> statement-breakpoint
DROP INDEX "applications_region_district_idx";--> statement-breakpoint
DROP INDEX "applications_assigned_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "application_counts_pk" ON "application_counts" USING btree ("region","district","status");--> statement-breakpoint
CREATE INDEX "applications_region_amount_idx" ON "applications" USING btree ("region","estimated_fen","status");--> statement-breakpoint
CREATE INDEX "applications_region_updated_idx" ON "applications" USING btree ("region","updated_at");--> statement-breakpoint
CREATE INDEX "applications_region_submitted_idx" ON "applications" USING btree ("region","submitted_at","status");--> statement-breakpoint
CREATE INDEX "applications_region_category_idx" ON "applications" USING btree ("region","primary_category","submitted_at","status");--> statement-breakpoint
CREATE INDEX "applications_region_district_idx" ON "applications" USING btree ("region","district","submitted_at","status");--> statement-breakpoint
CREATE INDEX "applications_assigned_idx" ON "applications" USING btree ("assigned_to_user_id","submitted_at","region","status");--> statement-breakpoint
-- The counts follow applications inside the same transaction: one trigger on insert, on a change of status,
-- region or district, and on delete. Drafts are never counted. The two rows a change touches are always
-- updated in the same order (by key), so two concurrent transitions cannot deadlock on them.
INSERT INTO application_counts (region, district, status, n)
  SELECT region, coalesce(district, ''), status, count(*) FROM applications WHERE status <> 'draft' GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE FUNCTION application_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_counted boolean := TG_OP <> 'INSERT' AND OLD.status <> 'draft';
  new_counted boolean := TG_OP <> 'DELETE' AND NEW.status <> 'draft';
  old_key text;
  new_key text;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status IS NOT DISTINCT FROM NEW.status AND OLD.region IS NOT DISTINCT FROM NEW.region
     AND OLD.district IS NOT DISTINCT FROM NEW.district THEN
    RETURN NULL;
  END IF;
  IF old_counted THEN old_key := OLD.region || chr(31) || coalesce(OLD.district, '') || chr(31) || OLD.status; END IF;
  IF new_counted THEN new_key := NEW.region || chr(31) || coalesce(NEW.district, '') || chr(31) || NEW.status; END IF;
  IF new_counted AND (NOT old_counted OR new_key < old_key) THEN
    INSERT INTO application_counts (region, district, status, n) VALUES (NEW.region, coalesce(NEW.district, ''), NEW.status, 1)
      ON CONFLICT (region, district, status) DO UPDATE SET n = application_counts.n + 1;
    new_counted := false;
  END IF;
  IF old_counted THEN
    UPDATE application_counts SET n = n - 1 WHERE region = OLD.region AND district = coalesce(OLD.district, '') AND status = OLD.status;
  END IF;
  IF new_counted THEN
    INSERT INTO application_counts (region, district, status, n) VALUES (NEW.region, coalesce(NEW.district, ''), NEW.status, 1)
      ON CONFLICT (region, district, status) DO UPDATE SET n = application_counts.n + 1;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER application_counts_track AFTER INSERT OR UPDATE OF status, region, district OR DELETE ON applications
  FOR EACH ROW EXECUTE FUNCTION application_counts_track();
