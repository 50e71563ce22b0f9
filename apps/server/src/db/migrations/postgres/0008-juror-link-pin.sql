-- PostgreSQL twin of ../0008-juror-link-pin.sql (decision 013, 023): the juror's PIN guards the
-- invitation link too; wrong PINs typed at the link counted per juror; the idle lock as a setting.
-- Never edited once applied.
CREATE TABLE link_pin_failures (
  juror_id INTEGER NOT NULL REFERENCES jurors(id) ON DELETE CASCADE,
  at       TEXT NOT NULL
);
CREATE INDEX link_pin_failures_juror ON link_pin_failures(juror_id, at);
ALTER TABLE jurors ADD COLUMN link_failed_pins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jurors ADD COLUMN link_locked_at TEXT;

ALTER TABLE competitions ADD COLUMN idle_lock_minutes INTEGER NOT NULL DEFAULT 15
  CHECK (idle_lock_minutes BETWEEN 1 AND 60);
