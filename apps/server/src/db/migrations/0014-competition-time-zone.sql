-- Creating a competition in the screens (issue 16 point 1, docs/decisions/022-creating-a-competition.md).
-- Never edited once applied.

-- The event's time zone (IANA name), set at creation with the name, dates, venue and languages:
-- the day's times (opening, pitches, publication) are the venue's, wherever a screen is read.
ALTER TABLE competitions ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Africa/Casablanca';
