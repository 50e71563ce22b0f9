-- PostgreSQL twin of ../0015-withdrawn-and-replaced.sql (decision 024, 023). Never edited once applied.
ALTER TABLE entrants ADD COLUMN withdrawn_at TEXT;
ALTER TABLE entrants ADD COLUMN withdrawal_reason TEXT;
ALTER TABLE jurors ADD COLUMN replaced_at TEXT;
ALTER TABLE jurors ADD COLUMN replaces INTEGER REFERENCES jurors(id);
