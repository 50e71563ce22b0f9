-- PostgreSQL twin of ../0004-results.sql (decision 023). Never edited once applied.

ALTER TABLE competitions ADD COLUMN startup_place_display TEXT NOT NULL DEFAULT 'exact'
  CHECK (startup_place_display IN ('exact', 'band'));

CREATE INDEX result_snapshots_round ON result_snapshots(round_id, id);
