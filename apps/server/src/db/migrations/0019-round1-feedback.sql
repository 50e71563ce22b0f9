-- Startups not shortlisted see round 1's band, per-criterion scores and feedback once the
-- shortlist is published, unless the organiser turns it off (issue 15 point 6). Never edited once applied.

ALTER TABLE competitions ADD COLUMN round1_feedback INTEGER NOT NULL DEFAULT 1 CHECK (round1_feedback IN (0, 1));
