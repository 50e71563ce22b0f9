-- PostgreSQL twin of ../0014-competition-time-zone.sql (decision 022, 023): the event's time zone.
-- Never edited once applied.
ALTER TABLE competitions ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Africa/Casablanca';
