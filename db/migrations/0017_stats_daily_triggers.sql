-- The statistics' figures follow applications inside the same transaction, whatever code changed them
-- (hand-written: drizzle-kit does not generate triggers). See db/schema.ts applicationStatsDaily and lib/dal/stats.ts.
-- 1. decision_ms: the time from submission to decision, worked out from submitted_at and decided_at.
UPDATE applications SET decision_ms = CASE WHEN applications.decided_at IS NULL OR applications.submitted_at IS NULL THEN NULL ELSE CAST(round((julianday(applications.decided_at) - julianday(applications.submitted_at)) * 86400000) AS INTEGER) END WHERE decided_at IS NOT NULL AND submitted_at IS NOT NULL;
--> statement-breakpoint
INSERT INTO application_stats_daily (region, day, district, status, decision_day, n, bill_stays, bill_policy_fen, bill_left_fen, bill_over_target)
  SELECT region, date(applications.submitted_at, '+8 hours'), coalesce(district, ''), status, CASE WHEN applications.status IN ('approved', 'paid', 'rejected') AND applications.decision_ms IS NOT NULL THEN (CASE WHEN applications.decision_ms < 0 THEN -1 ELSE applications.decision_ms / 86400000 END) ELSE -2 END, count(*),
    coalesce(sum(bill_stays), 0), coalesce(sum(bill_policy_fen), 0), coalesce(sum(bill_left_fen), 0), coalesce(sum(bill_over_target), 0)
  FROM applications WHERE applications.status <> 'draft' AND applications.submitted_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE TRIGGER applications_decision_ms_insert AFTER INSERT ON applications WHEN NEW.decision_ms IS NOT (CASE WHEN NEW.decided_at IS NULL OR NEW.submitted_at IS NULL THEN NULL ELSE CAST(round((julianday(NEW.decided_at) - julianday(NEW.submitted_at)) * 86400000) AS INTEGER) END)
BEGIN
  UPDATE applications SET decision_ms = CASE WHEN NEW.decided_at IS NULL OR NEW.submitted_at IS NULL THEN NULL ELSE CAST(round((julianday(NEW.decided_at) - julianday(NEW.submitted_at)) * 86400000) AS INTEGER) END WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER applications_decision_ms_update AFTER UPDATE OF submitted_at, decided_at, decision_ms ON applications
  WHEN NEW.decision_ms IS NOT (CASE WHEN NEW.decided_at IS NULL OR NEW.submitted_at IS NULL THEN NULL ELSE CAST(round((julianday(NEW.decided_at) - julianday(NEW.submitted_at)) * 86400000) AS INTEGER) END)
BEGIN
  UPDATE applications SET decision_ms = CASE WHEN NEW.decided_at IS NULL OR NEW.submitted_at IS NULL THEN NULL ELSE CAST(round((julianday(NEW.decided_at) - julianday(NEW.submitted_at)) * 86400000) AS INTEGER) END WHERE id = NEW.id;
END;
--> statement-breakpoint
-- 2. application_stats_daily: one row per region, submission day (Asia/Shanghai), district, status and day of decision.
CREATE TRIGGER application_stats_daily_insert AFTER INSERT ON applications WHEN NEW.status <> 'draft' AND NEW.submitted_at IS NOT NULL
BEGIN
  INSERT INTO application_stats_daily (region, day, district, status, decision_day, n, bill_stays, bill_policy_fen, bill_left_fen, bill_over_target)
    SELECT NEW.region, date(NEW.submitted_at, '+8 hours'), coalesce(NEW.district, ''), NEW.status, CASE WHEN NEW.status IN ('approved', 'paid', 'rejected') AND NEW.decision_ms IS NOT NULL THEN (CASE WHEN NEW.decision_ms < 0 THEN -1 ELSE NEW.decision_ms / 86400000 END) ELSE -2 END, 1,
      coalesce(NEW.bill_stays, 0), coalesce(NEW.bill_policy_fen, 0), coalesce(NEW.bill_left_fen, 0), coalesce(NEW.bill_over_target, 0)
    WHERE NEW.status <> 'draft' AND NEW.submitted_at IS NOT NULL
    ON CONFLICT (region, day, district, status, decision_day) DO UPDATE SET n = n + 1, bill_stays = bill_stays + excluded.bill_stays,
      bill_policy_fen = bill_policy_fen + excluded.bill_policy_fen, bill_left_fen = bill_left_fen + excluded.bill_left_fen,
      bill_over_target = bill_over_target + excluded.bill_over_target;
END;
--> statement-breakpoint
CREATE TRIGGER application_stats_daily_update AFTER UPDATE OF status, region, district, submitted_at, decision_ms, bill_stays, bill_policy_fen, bill_left_fen, bill_over_target ON applications
  WHEN OLD.status IS NOT NEW.status OR OLD.region IS NOT NEW.region OR OLD.district IS NOT NEW.district OR OLD.submitted_at IS NOT NEW.submitted_at OR OLD.decision_ms IS NOT NEW.decision_ms OR OLD.bill_stays IS NOT NEW.bill_stays OR OLD.bill_policy_fen IS NOT NEW.bill_policy_fen OR OLD.bill_left_fen IS NOT NEW.bill_left_fen OR OLD.bill_over_target IS NOT NEW.bill_over_target
BEGIN
  UPDATE application_stats_daily SET n = n - 1, bill_stays = bill_stays - coalesce(OLD.bill_stays, 0),
      bill_policy_fen = bill_policy_fen - coalesce(OLD.bill_policy_fen, 0), bill_left_fen = bill_left_fen - coalesce(OLD.bill_left_fen, 0),
      bill_over_target = bill_over_target - coalesce(OLD.bill_over_target, 0)
    WHERE OLD.status <> 'draft' AND OLD.submitted_at IS NOT NULL AND region = OLD.region AND day = date(OLD.submitted_at, '+8 hours') AND district = coalesce(OLD.district, '') AND status = OLD.status AND decision_day = CASE WHEN OLD.status IN ('approved', 'paid', 'rejected') AND OLD.decision_ms IS NOT NULL THEN (CASE WHEN OLD.decision_ms < 0 THEN -1 ELSE OLD.decision_ms / 86400000 END) ELSE -2 END;
  INSERT INTO application_stats_daily (region, day, district, status, decision_day, n, bill_stays, bill_policy_fen, bill_left_fen, bill_over_target)
    SELECT NEW.region, date(NEW.submitted_at, '+8 hours'), coalesce(NEW.district, ''), NEW.status, CASE WHEN NEW.status IN ('approved', 'paid', 'rejected') AND NEW.decision_ms IS NOT NULL THEN (CASE WHEN NEW.decision_ms < 0 THEN -1 ELSE NEW.decision_ms / 86400000 END) ELSE -2 END, 1,
      coalesce(NEW.bill_stays, 0), coalesce(NEW.bill_policy_fen, 0), coalesce(NEW.bill_left_fen, 0), coalesce(NEW.bill_over_target, 0)
    WHERE NEW.status <> 'draft' AND NEW.submitted_at IS NOT NULL
    ON CONFLICT (region, day, district, status, decision_day) DO UPDATE SET n = n + 1, bill_stays = bill_stays + excluded.bill_stays,
      bill_policy_fen = bill_policy_fen + excluded.bill_policy_fen, bill_left_fen = bill_left_fen + excluded.bill_left_fen,
      bill_over_target = bill_over_target + excluded.bill_over_target;
END;
--> statement-breakpoint
CREATE TRIGGER application_stats_daily_delete AFTER DELETE ON applications WHEN OLD.status <> 'draft' AND OLD.submitted_at IS NOT NULL
BEGIN
  UPDATE application_stats_daily SET n = n - 1, bill_stays = bill_stays - coalesce(OLD.bill_stays, 0),
      bill_policy_fen = bill_policy_fen - coalesce(OLD.bill_policy_fen, 0), bill_left_fen = bill_left_fen - coalesce(OLD.bill_left_fen, 0),
      bill_over_target = bill_over_target - coalesce(OLD.bill_over_target, 0)
    WHERE OLD.status <> 'draft' AND OLD.submitted_at IS NOT NULL AND region = OLD.region AND day = date(OLD.submitted_at, '+8 hours') AND district = coalesce(OLD.district, '') AND status = OLD.status AND decision_day = CASE WHEN OLD.status IN ('approved', 'paid', 'rejected') AND OLD.decision_ms IS NOT NULL THEN (CASE WHEN OLD.decision_ms < 0 THEN -1 ELSE OLD.decision_ms / 86400000 END) ELSE -2 END;
END;
--> statement-breakpoint
-- 3. The bill figures are worked out again (by lib/dal/stats.ts) when the snapshot or an episode changes.
CREATE TRIGGER applications_bill_stale AFTER UPDATE OF estimate_snapshot ON applications
  WHEN OLD.estimate_snapshot IS NOT NEW.estimate_snapshot AND NEW.bill_stays IS NOT NULL
BEGIN
  UPDATE applications SET bill_stays = NULL, bill_policy_fen = NULL, bill_left_fen = NULL, bill_over_target = NULL WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER episodes_bill_stale_insert AFTER INSERT ON episodes
BEGIN
  UPDATE applications SET bill_stays = NULL, bill_policy_fen = NULL, bill_left_fen = NULL, bill_over_target = NULL WHERE id = NEW.application_id AND bill_stays IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER episodes_bill_stale_update AFTER UPDATE ON episodes
BEGIN
  UPDATE applications SET bill_stays = NULL, bill_policy_fen = NULL, bill_left_fen = NULL, bill_over_target = NULL WHERE id IN (OLD.application_id, NEW.application_id) AND bill_stays IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER episodes_bill_stale_delete AFTER DELETE ON episodes
BEGIN
  UPDATE applications SET bill_stays = NULL, bill_policy_fen = NULL, bill_left_fen = NULL, bill_over_target = NULL WHERE id = OLD.application_id AND bill_stays IS NOT NULL;
END;
