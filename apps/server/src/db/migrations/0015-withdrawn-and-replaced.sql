-- Entrants withdrawn once round 1 has opened, and jurors replaced mid-competition (issue 16
-- point 3, docs/decisions/024-withdrawn-entrants-and-replaced-jurors.md). Never edited once applied.

-- A withdrawn entrant stays (its scorecards and its log entries with it) but leaves every ranking
-- computed from then on; the reason is required by the route and logged with it.
ALTER TABLE entrants ADD COLUMN withdrawn_at TEXT;
ALTER TABLE entrants ADD COLUMN withdrawal_reason TEXT;

-- A replaced juror keeps the scorecards they submitted; their link and tablets stop working. The
-- replacement names whom it replaces (a later row points at an earlier one, so an import that
-- writes rows in id order satisfies the key at every statement).
ALTER TABLE jurors ADD COLUMN replaced_at TEXT;
ALTER TABLE jurors ADD COLUMN replaces INTEGER REFERENCES jurors(id);
