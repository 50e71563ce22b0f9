-- A chair's correction keeps who was corrected as the jury saw it and as the record needs it
-- (issue 15 point 5, docs/decisions/029-confirmations-and-the-correction-record.md): the label the
-- deliberation showed ("Juror 3", the round's anonymous number) and the juror's name at the time, so
-- a juror later renamed, replaced or removed does not rewrite the record. Never edited once applied.
ALTER TABLE score_corrections ADD COLUMN juror_number INTEGER;
ALTER TABLE score_corrections ADD COLUMN juror_name TEXT;

-- Corrections made before this migration: the name is still the juror's; the number is computed
-- when read (a seeded shuffle SQL cannot replay), so it stays NULL here.
UPDATE score_corrections SET juror_name = (
  SELECT j.name FROM scorecards sc JOIN jurors j ON j.id = sc.juror_id WHERE sc.id = score_corrections.scorecard_id
);
