-- PostgreSQL twin of ../0019-round1-feedback.sql (decision 023). Never edited once applied.

ALTER TABLE competitions ADD COLUMN round1_feedback INTEGER NOT NULL DEFAULT 1 CHECK (round1_feedback IN (0, 1));
