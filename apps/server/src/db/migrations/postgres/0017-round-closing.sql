-- PostgreSQL twin of ../0017-round-closing.sql (decision 026, 023). Never edited once applied.
ALTER TABLE rounds ADD COLUMN closing_at TEXT;
ALTER TABLE rounds ADD COLUMN closing_announced_at TEXT;
