-- Results publication (issue 6). Never edited once applied.

-- How a startup's page shows its place once the results are published: 'exact' ("4th of 12") or
-- 'band' ("top 6"), as the organiser chose.
ALTER TABLE competitions ADD COLUMN startup_place_display TEXT NOT NULL DEFAULT 'exact'
  CHECK (startup_place_display IN ('exact', 'band'));

-- One snapshot per round and fingerprint; sign-offs and publication look up the latest.
CREATE INDEX result_snapshots_round ON result_snapshots(round_id, id);
