-- PostgreSQL twin of ../0020-correction-juror-label.sql (decision 029). Never edited once applied.
-- The label the deliberation showed ("Juror 3") and the juror's name at the time of the correction.
ALTER TABLE score_corrections ADD COLUMN juror_number INTEGER;
ALTER TABLE score_corrections ADD COLUMN juror_name TEXT;

-- Corrections made before: the name is still the juror's; the number is computed when read.
UPDATE score_corrections SET juror_name = j.name
  FROM scorecards sc JOIN jurors j ON j.id = sc.juror_id
 WHERE sc.id = score_corrections.scorecard_id;
