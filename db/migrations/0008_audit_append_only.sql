-- The audit log is append-only, enforced by the database: any UPDATE or DELETE of an audit_log row aborts
-- the statement (and the application's transaction with it). Nothing in lib/ updates or deletes these rows.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be deleted');
END;
