-- The statistics' monthly rollup and the payments' daily rollup follow their sources inside the same transaction,
-- whatever code changed them (hand-written: drizzle-kit does not generate triggers). See db/schema.ts
-- applicationStatsMonthly and paymentStatsDaily, and lib/dal/stats.ts.
-- 1. What is there already.
INSERT INTO application_stats_monthly (region, month, district, status, decision_day, n, bill_stays, bill_policy_fen, bill_left_fen, bill_over_target)
  SELECT region, substr(day, 1, 7), district, status, decision_day, sum(n), sum(bill_stays), sum(bill_policy_fen), sum(bill_left_fen), sum(bill_over_target)
  FROM application_stats_daily WHERE true GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO payment_stats_daily (region, day, district, category, pool, amount_fen, n)
  SELECT p.region, date(p.paid_at, '+8 hours'), coalesce(a.district, ''), coalesce(a.primary_category, ''), p.pool, sum(p.amount_fen), count(*)
  FROM payments p JOIN applications a ON a.id = p.application_id WHERE p.kind = 'payment' AND p.paid_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
-- 2. application_stats_monthly follows application_stats_daily (the daily rows' keys never change in practice: a
-- change is then one delta; a changed key moves the old figures out and the new ones in).
CREATE TRIGGER application_stats_monthly_insert AFTER INSERT ON application_stats_daily
BEGIN
  INSERT INTO application_stats_monthly (region, month, district, status, decision_day, n, bill_stays, bill_policy_fen, bill_left_fen, bill_over_target)
    VALUES (NEW.region, substr(NEW.day, 1, 7), NEW.district, NEW.status, NEW.decision_day, NEW.n, NEW.bill_stays, NEW.bill_policy_fen, NEW.bill_left_fen, NEW.bill_over_target)
    ON CONFLICT (region, month, district, status, decision_day) DO UPDATE SET n = n + excluded.n, bill_stays = bill_stays + excluded.bill_stays,
      bill_policy_fen = bill_policy_fen + excluded.bill_policy_fen, bill_left_fen = bill_left_fen + excluded.bill_left_fen, bill_over_target = bill_over_target + excluded.bill_over_target;
END;
--> statement-breakpoint
CREATE TRIGGER application_stats_monthly_update AFTER UPDATE ON application_stats_daily
BEGIN
  INSERT INTO application_stats_monthly (region, month, district, status, decision_day, n, bill_stays, bill_policy_fen, bill_left_fen, bill_over_target)
    VALUES (OLD.region, substr(OLD.day, 1, 7), OLD.district, OLD.status, OLD.decision_day, -OLD.n, -OLD.bill_stays, -OLD.bill_policy_fen, -OLD.bill_left_fen, -OLD.bill_over_target)
    ON CONFLICT (region, month, district, status, decision_day) DO UPDATE SET n = n + excluded.n, bill_stays = bill_stays + excluded.bill_stays,
      bill_policy_fen = bill_policy_fen + excluded.bill_policy_fen, bill_left_fen = bill_left_fen + excluded.bill_left_fen, bill_over_target = bill_over_target + excluded.bill_over_target;
  INSERT INTO application_stats_monthly (region, month, district, status, decision_day, n, bill_stays, bill_policy_fen, bill_left_fen, bill_over_target)
    VALUES (NEW.region, substr(NEW.day, 1, 7), NEW.district, NEW.status, NEW.decision_day, NEW.n, NEW.bill_stays, NEW.bill_policy_fen, NEW.bill_left_fen, NEW.bill_over_target)
    ON CONFLICT (region, month, district, status, decision_day) DO UPDATE SET n = n + excluded.n, bill_stays = bill_stays + excluded.bill_stays,
      bill_policy_fen = bill_policy_fen + excluded.bill_policy_fen, bill_left_fen = bill_left_fen + excluded.bill_left_fen, bill_over_target = bill_over_target + excluded.bill_over_target;
END;
--> statement-breakpoint
CREATE TRIGGER application_stats_monthly_delete AFTER DELETE ON application_stats_daily
BEGIN
  INSERT INTO application_stats_monthly (region, month, district, status, decision_day, n, bill_stays, bill_policy_fen, bill_left_fen, bill_over_target)
    VALUES (OLD.region, substr(OLD.day, 1, 7), OLD.district, OLD.status, OLD.decision_day, -OLD.n, -OLD.bill_stays, -OLD.bill_policy_fen, -OLD.bill_left_fen, -OLD.bill_over_target)
    ON CONFLICT (region, month, district, status, decision_day) DO UPDATE SET n = n + excluded.n, bill_stays = bill_stays + excluded.bill_stays,
      bill_policy_fen = bill_policy_fen + excluded.bill_policy_fen, bill_left_fen = bill_left_fen + excluded.bill_left_fen, bill_over_target = bill_over_target + excluded.bill_over_target;
END;
--> statement-breakpoint
-- 3. payment_stats_daily: a payment row (never changed or deleted: the ledger only appends) adds itself under its
-- application's district and primary category; when those change, the application's payments move with them.
CREATE TRIGGER payment_stats_daily_insert AFTER INSERT ON payments WHEN NEW.kind = 'payment' AND NEW.paid_at IS NOT NULL
BEGIN
  INSERT INTO payment_stats_daily (region, day, district, category, pool, amount_fen, n)
    SELECT NEW.region, date(NEW.paid_at, '+8 hours'), coalesce(a.district, ''), coalesce(a.primary_category, ''), NEW.pool, NEW.amount_fen, 1
    FROM applications a WHERE a.id = NEW.application_id
    ON CONFLICT (region, day, district, category, pool) DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER payment_stats_daily_move AFTER UPDATE OF district, primary_category ON applications
  WHEN OLD.district IS NOT NEW.district OR OLD.primary_category IS NOT NEW.primary_category
BEGIN
  INSERT INTO payment_stats_daily (region, day, district, category, pool, amount_fen, n)
    SELECT region, date(paid_at, '+8 hours'), coalesce(OLD.district, ''), coalesce(OLD.primary_category, ''), pool, -sum(amount_fen), -count(*)
    FROM payments WHERE application_id = NEW.id AND kind = 'payment' AND paid_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (region, day, district, category, pool) DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, n = n + excluded.n;
  INSERT INTO payment_stats_daily (region, day, district, category, pool, amount_fen, n)
    SELECT region, date(paid_at, '+8 hours'), coalesce(NEW.district, ''), coalesce(NEW.primary_category, ''), pool, sum(amount_fen), count(*)
    FROM payments WHERE application_id = NEW.id AND kind = 'payment' AND paid_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (region, day, district, category, pool) DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, n = n + excluded.n;
END;
