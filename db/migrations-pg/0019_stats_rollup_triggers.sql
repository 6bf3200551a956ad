-- The statistics' monthly rollup and the payments' daily rollup follow their sources inside the same transaction,
-- whatever code changed them (hand-written: drizzle-kit does not generate triggers). See db/schema.pg.ts
-- applicationStatsMonthly and paymentStatsDaily, and lib/dal/stats.ts.
-- 1. What is there already.
INSERT INTO application_stats_monthly (region, month, district, status, decision_day, n, bill_stays, bill_policy_fen, bill_left_fen, bill_over_target)
  SELECT region, substr(day, 1, 7), district, status, decision_day, sum(n), sum(bill_stays), sum(bill_policy_fen), sum(bill_left_fen), sum(bill_over_target)
  FROM application_stats_daily GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO payment_stats_daily (region, day, district, category, pool, amount_fen, n)
  SELECT p.region, to_char((p.paid_at::timestamptz AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD'), coalesce(a.district, ''), coalesce(a.primary_category, ''), p.pool, sum(p.amount_fen), count(*)
  FROM payments p JOIN applications a ON a.id = p.application_id WHERE p.kind = 'payment' AND p.paid_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE FUNCTION application_stats_monthly_add(r text, m text, d text, s text, dd integer, dn integer, bs integer, bp bigint, bl bigint, bo integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO application_stats_monthly (region, month, district, status, decision_day, n, bill_stays, bill_policy_fen, bill_left_fen, bill_over_target)
  VALUES (r, m, d, s, dd, dn, bs, bp, bl, bo)
  ON CONFLICT (region, month, district, status, decision_day) DO UPDATE SET n = application_stats_monthly.n + excluded.n,
    bill_stays = application_stats_monthly.bill_stays + excluded.bill_stays, bill_policy_fen = application_stats_monthly.bill_policy_fen + excluded.bill_policy_fen,
    bill_left_fen = application_stats_monthly.bill_left_fen + excluded.bill_left_fen, bill_over_target = application_stats_monthly.bill_over_target + excluded.bill_over_target;
$$;
--> statement-breakpoint
-- 2. application_stats_monthly follows application_stats_daily (an unchanged key, the usual case, is one delta).
CREATE FUNCTION application_stats_monthly_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.region = NEW.region AND OLD.day = NEW.day AND OLD.district = NEW.district AND OLD.status = NEW.status AND OLD.decision_day = NEW.decision_day THEN
    PERFORM application_stats_monthly_add(NEW.region, substr(NEW.day, 1, 7), NEW.district, NEW.status, NEW.decision_day, NEW.n - OLD.n, NEW.bill_stays - OLD.bill_stays,
      NEW.bill_policy_fen - OLD.bill_policy_fen, NEW.bill_left_fen - OLD.bill_left_fen, NEW.bill_over_target - OLD.bill_over_target);
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM application_stats_monthly_add(OLD.region, substr(OLD.day, 1, 7), OLD.district, OLD.status, OLD.decision_day, -OLD.n, -OLD.bill_stays, -OLD.bill_policy_fen, -OLD.bill_left_fen, -OLD.bill_over_target);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM application_stats_monthly_add(NEW.region, substr(NEW.day, 1, 7), NEW.district, NEW.status, NEW.decision_day, NEW.n, NEW.bill_stays, NEW.bill_policy_fen, NEW.bill_left_fen, NEW.bill_over_target);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER application_stats_monthly_track AFTER INSERT OR UPDATE OR DELETE ON application_stats_daily FOR EACH ROW EXECUTE FUNCTION application_stats_monthly_track();
--> statement-breakpoint
-- 3. payment_stats_daily: a payment row (never changed or deleted: the ledger only appends) adds itself under its
-- application's district and primary category; when those change, the application's payments move with them.
CREATE FUNCTION payment_stats_daily_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.kind = 'payment' AND NEW.paid_at IS NOT NULL THEN
    INSERT INTO payment_stats_daily (region, day, district, category, pool, amount_fen, n)
      SELECT NEW.region, to_char((NEW.paid_at::timestamptz AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD'), coalesce(a.district, ''), coalesce(a.primary_category, ''), NEW.pool, NEW.amount_fen, 1
      FROM applications a WHERE a.id = NEW.application_id
      ON CONFLICT (region, day, district, category, pool) DO UPDATE SET amount_fen = payment_stats_daily.amount_fen + excluded.amount_fen, n = payment_stats_daily.n + excluded.n;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER payment_stats_daily_insert AFTER INSERT ON payments FOR EACH ROW EXECUTE FUNCTION payment_stats_daily_insert();
--> statement-breakpoint
CREATE FUNCTION payment_stats_daily_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO payment_stats_daily (region, day, district, category, pool, amount_fen, n)
    SELECT region, to_char((paid_at::timestamptz AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD'), coalesce(OLD.district, ''), coalesce(OLD.primary_category, ''), pool, -sum(amount_fen), -count(*)
    FROM payments WHERE application_id = NEW.id AND kind = 'payment' AND paid_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (region, day, district, category, pool) DO UPDATE SET amount_fen = payment_stats_daily.amount_fen + excluded.amount_fen, n = payment_stats_daily.n + excluded.n;
  INSERT INTO payment_stats_daily (region, day, district, category, pool, amount_fen, n)
    SELECT region, to_char((paid_at::timestamptz AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD'), coalesce(NEW.district, ''), coalesce(NEW.primary_category, ''), pool, sum(amount_fen), count(*)
    FROM payments WHERE application_id = NEW.id AND kind = 'payment' AND paid_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (region, day, district, category, pool) DO UPDATE SET amount_fen = payment_stats_daily.amount_fen + excluded.amount_fen, n = payment_stats_daily.n + excluded.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER payment_stats_daily_move AFTER UPDATE OF district, primary_category ON applications FOR EACH ROW
  WHEN (OLD.district IS DISTINCT FROM NEW.district OR OLD.primary_category IS DISTINCT FROM NEW.primary_category) EXECUTE FUNCTION payment_stats_daily_move();
