-- The organiser's announcement that a round's scoring closes soon (issue 14 point 5,
-- docs/decisions/026-closing-and-idle-lock.md): the tablets count down to closing_at and ask their
-- juror to submit complete scorecards. Closing itself stays the organiser's act. Never edited once applied.
ALTER TABLE rounds ADD COLUMN closing_at TEXT;
ALTER TABLE rounds ADD COLUMN closing_announced_at TEXT;
