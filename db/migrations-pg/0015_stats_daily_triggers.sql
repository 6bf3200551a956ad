-- The statistics' figures follow applications inside the same transaction, whatever code changed them
-- (hand-written: drizzle-kit does not generate triggers). See db/schema.pg.ts applicationStatsDaily and lib/dal/stats.ts.
UPDATE applications SET decision_ms = CASE WHEN applications.decided_at IS NULL OR applications.submitted_at IS NULL THEN NULL ELSE round(extract(epoch FROM (applications.decided_at::timestamptz - applications.submitted_at::timestamptz)) * 1000)::bigint END WHERE decided_at IS NOT NULL AND submitted_at IS NOT NULL;
--> statement-breakpoint
INSERT INTO application_stats_daily (region, day, district, status, decision_day, n, bill_stays, bill_policy_fen, bill_left_fen, bill_over_target)
  SELECT region, to_char((applications.submitted_at::timestamptz AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD'), coalesce(district, ''), status, CASE WHEN applications.status IN ('approved', 'paid', 'rejected') AND applications.decision_ms IS NOT NULL THEN (CASE WHEN applications.decision_ms < 0 THEN -1 ELSE (applications.decision_ms / 86400000)::int END) ELSE -2 END, count(*),
    coalesce(sum(bill_stays), 0), coalesce(sum(bill_policy_fen), 0), coalesce(sum(bill_left_fen), 0), coalesce(sum(bill_over_target), 0)
  FROM applications WHERE applications.status <> 'draft' AND applications.submitted_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
-- decision_ms from submitted_at and decided_at; the bill figures are worked out again when the snapshot changes.
CREATE FUNCTION applications_stats_before() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.decision_ms := CASE WHEN NEW.decided_at IS NULL OR NEW.submitted_at IS NULL THEN NULL ELSE round(extract(epoch FROM (NEW.decided_at::timestamptz - NEW.submitted_at::timestamptz)) * 1000)::bigint END;
  IF TG_OP = 'UPDATE' AND OLD.estimate_snapshot IS DISTINCT FROM NEW.estimate_snapshot THEN
    NEW.bill_stays := NULL; NEW.bill_policy_fen := NULL; NEW.bill_left_fen := NULL; NEW.bill_over_target := NULL;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER applications_stats_before BEFORE INSERT OR UPDATE OF submitted_at, decided_at, decision_ms, estimate_snapshot ON applications
  FOR EACH ROW EXECUTE FUNCTION applications_stats_before();
--> statement-breakpoint
-- application_stats_daily: the two rows a change touches are written in key order, so concurrent changes never deadlock.
CREATE FUNCTION application_stats_daily_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_counted boolean := TG_OP <> 'INSERT' AND OLD.status <> 'draft' AND OLD.submitted_at IS NOT NULL;
  new_counted boolean := TG_OP <> 'DELETE' AND NEW.status <> 'draft' AND NEW.submitted_at IS NOT NULL;
  old_key text;
  new_key text;
  o_day text; o_district text; o_bucket int;
  n_day text; n_district text; n_bucket int;
BEGIN
  IF TG_OP = 'UPDATE' AND NOT (OLD.status IS DISTINCT FROM NEW.status OR OLD.region IS DISTINCT FROM NEW.region OR OLD.district IS DISTINCT FROM NEW.district OR OLD.submitted_at IS DISTINCT FROM NEW.submitted_at OR OLD.decision_ms IS DISTINCT FROM NEW.decision_ms OR OLD.bill_stays IS DISTINCT FROM NEW.bill_stays OR OLD.bill_policy_fen IS DISTINCT FROM NEW.bill_policy_fen OR OLD.bill_left_fen IS DISTINCT FROM NEW.bill_left_fen OR OLD.bill_over_target IS DISTINCT FROM NEW.bill_over_target) THEN
    RETURN NULL;
  END IF;
  IF old_counted THEN
    o_day := to_char((OLD.submitted_at::timestamptz AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD'); o_district := coalesce(OLD.district, ''); o_bucket := CASE WHEN OLD.status IN ('approved', 'paid', 'rejected') AND OLD.decision_ms IS NOT NULL THEN (CASE WHEN OLD.decision_ms < 0 THEN -1 ELSE (OLD.decision_ms / 86400000)::int END) ELSE -2 END;
    old_key := OLD.region || chr(31) || o_day || chr(31) || o_district || chr(31) || OLD.status || chr(31) || o_bucket;
  END IF;
  IF new_counted THEN
    n_day := to_char((NEW.submitted_at::timestamptz AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD'); n_district := coalesce(NEW.district, ''); n_bucket := CASE WHEN NEW.status IN ('approved', 'paid', 'rejected') AND NEW.decision_ms IS NOT NULL THEN (CASE WHEN NEW.decision_ms < 0 THEN -1 ELSE (NEW.decision_ms / 86400000)::int END) ELSE -2 END;
    new_key := NEW.region || chr(31) || n_day || chr(31) || n_district || chr(31) || NEW.status || chr(31) || n_bucket;
  END IF;
  IF new_counted AND (NOT old_counted OR new_key < old_key) THEN
    INSERT INTO application_stats_daily AS s (region, day, district, status, decision_day, n, bill_stays, bill_policy_fen, bill_left_fen, bill_over_target)
      VALUES (NEW.region, n_day, n_district, NEW.status, n_bucket, 1, coalesce(NEW.bill_stays, 0), coalesce(NEW.bill_policy_fen, 0), coalesce(NEW.bill_left_fen, 0), coalesce(NEW.bill_over_target, 0))
      ON CONFLICT (region, day, district, status, decision_day) DO UPDATE SET n = s.n + 1, bill_stays = s.bill_stays + excluded.bill_stays,
        bill_policy_fen = s.bill_policy_fen + excluded.bill_policy_fen, bill_left_fen = s.bill_left_fen + excluded.bill_left_fen,
        bill_over_target = s.bill_over_target + excluded.bill_over_target;
    new_counted := false;
  END IF;
  IF old_counted THEN
    UPDATE application_stats_daily SET n = n - 1, bill_stays = bill_stays - coalesce(OLD.bill_stays, 0),
        bill_policy_fen = bill_policy_fen - coalesce(OLD.bill_policy_fen, 0), bill_left_fen = bill_left_fen - coalesce(OLD.bill_left_fen, 0),
        bill_over_target = bill_over_target - coalesce(OLD.bill_over_target, 0)
      WHERE region = OLD.region AND day = o_day AND district = o_district AND status = OLD.status AND decision_day = o_bucket;
  END IF;
  IF new_counted THEN
    INSERT INTO application_stats_daily AS s (region, day, district, status, decision_day, n, bill_stays, bill_policy_fen, bill_left_fen, bill_over_target)
      VALUES (NEW.region, n_day, n_district, NEW.status, n_bucket, 1, coalesce(NEW.bill_stays, 0), coalesce(NEW.bill_policy_fen, 0), coalesce(NEW.bill_left_fen, 0), coalesce(NEW.bill_over_target, 0))
      ON CONFLICT (region, day, district, status, decision_day) DO UPDATE SET n = s.n + 1, bill_stays = s.bill_stays + excluded.bill_stays,
        bill_policy_fen = s.bill_policy_fen + excluded.bill_policy_fen, bill_left_fen = s.bill_left_fen + excluded.bill_left_fen,
        bill_over_target = s.bill_over_target + excluded.bill_over_target;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- decided_at and estimate_snapshot are listed because the BEFORE trigger changes decision_ms and the bill figures
-- from them (a column a trigger changes does not fire UPDATE OF itself).
CREATE TRIGGER application_stats_daily_track AFTER INSERT OR UPDATE OF status, region, district, submitted_at, decided_at, estimate_snapshot, decision_ms, bill_stays, bill_policy_fen, bill_left_fen, bill_over_target OR DELETE ON applications
  FOR EACH ROW EXECUTE FUNCTION application_stats_daily_track();
--> statement-breakpoint
CREATE FUNCTION episodes_bill_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE applications SET bill_stays = NULL, bill_policy_fen = NULL, bill_left_fen = NULL, bill_over_target = NULL
    WHERE id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.application_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.application_id END)
      AND bill_stays IS NOT NULL;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER episodes_bill_stale AFTER INSERT OR UPDATE OR DELETE ON episodes FOR EACH ROW EXECUTE FUNCTION episodes_bill_stale();
