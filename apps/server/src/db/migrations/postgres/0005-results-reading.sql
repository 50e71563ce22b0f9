-- PostgreSQL twin of ../0005-results-reading.sql (decision 023). Never edited once applied.
-- PostgreSQL's index-only scans need the visibility map as well; the indexes are the same.

CREATE INDEX scorecards_round_status ON scorecards(round_id, status, juror_id, entrant_id);
CREATE INDEX scores_scorecard_values ON scores(scorecard_id, criterion_id, value);
