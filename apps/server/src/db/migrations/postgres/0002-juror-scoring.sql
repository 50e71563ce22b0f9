-- PostgreSQL twin of ../0002-juror-scoring.sql (decision 023): the same in meaning and in
-- representation (see 0001). Never edited once applied.

-- Wrong PINs typed on a bound tablet, for the rate limit of 5 per 5 minutes.
CREATE TABLE pin_failures (
  binding_id INTEGER NOT NULL REFERENCES device_bindings(id) ON DELETE CASCADE,
  at         TEXT NOT NULL
);
CREATE INDEX pin_failures_binding ON pin_failures(binding_id, at);

-- Every note or feedback text a tablet sent, once: the idempotency key is (scorecard, field, revision).
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
