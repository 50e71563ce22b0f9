-- Reading a round's results in one pass (issue #8 item 2). Never edited once applied.

-- A round's submitted scorecards in juror, entrant order, without visiting the table.
CREATE INDEX scorecards_round_status ON scorecards(round_id, status, juror_id, entrant_id);

-- Each scorecard's values by criterion, without visiting the table (the primary key's index
-- holds the criterion but not the value).
CREATE INDEX scores_scorecard_values ON scores(scorecard_id, criterion_id, value);
