-- Juror scoring on tablets (issue 4): the online PIN rate limit, and notes and feedback synced
-- with revisions like scores. Never edited once applied.

-- Wrong PINs typed on a bound tablet, for the rate limit of 5 per 5 minutes. Cleared when the
-- right PIN is typed or the organiser resets the binding; `device_bindings.failed_pins` keeps
-- the consecutive count that locks the binding at 10.
CREATE TABLE pin_failures (
  binding_id INTEGER NOT NULL REFERENCES device_bindings(id) ON DELETE CASCADE,
  at         TEXT NOT NULL
);
CREATE INDEX pin_failures_binding ON pin_failures(binding_id, at);

-- Every note or feedback text a tablet sent, once: the idempotency key is
-- (scorecard, field, revision), as for score_changes. The scorecard keeps the current text and
-- the revision it came from, so out-of-order arrivals keep the highest.
CREATE TABLE scorecard_text_changes (
  scorecard_id INTEGER NOT NULL REFERENCES scorecards(id) ON DELETE CASCADE,
  field        TEXT NOT NULL CHECK (field IN ('note','feedback')),
  revision     INTEGER NOT NULL,
  text         TEXT NOT NULL,
  received_at  TEXT NOT NULL,
  PRIMARY KEY (scorecard_id, field, revision)
);
ALTER TABLE scorecards ADD COLUMN note_revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE scorecards ADD COLUMN feedback_revision INTEGER NOT NULL DEFAULT 0;
