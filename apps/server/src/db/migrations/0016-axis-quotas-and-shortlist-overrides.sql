-- Per-axis quotas and the organiser's overrides of the proposed shortlist (issue 16 points 4 and 6,
-- docs/decisions/025-axis-quotas-and-shortlist-overrides.md). Never edited once applied.

-- An axis whose shortlist quota differs from the competition's default (shortlist_axis_min/max):
-- a row here replaces both bounds for that axis; NULL shortlist_max means no cap for it. An axis
-- without a row follows the default. Pre-registered like every rule: locked when round 1 opens.
CREATE TABLE axis_quotas (
  axis_id       INTEGER PRIMARY KEY REFERENCES axes(id) ON DELETE CASCADE,
  shortlist_min INTEGER NOT NULL CHECK (shortlist_min >= 0),
  shortlist_max INTEGER CHECK (shortlist_max IS NULL OR shortlist_max >= shortlist_min)
);

-- A proposed finalist replaced when the shortlist was confirmed, with its grounds and the written
-- reason both startups read on their pages. The ranking's proposal stays in the snapshot; these
-- rows are the differences between it and the confirmed shortlist.
CREATE TABLE shortlist_overrides (
  id                 INTEGER PRIMARY KEY,
  round_id           INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  removed_entrant_id INTEGER NOT NULL REFERENCES entrants(id),
  added_entrant_id   INTEGER NOT NULL REFERENCES entrants(id),
  grounds            TEXT NOT NULL CHECK (grounds IN ('withdrawal','eligibility','quota')),
  reason             TEXT NOT NULL,
  decided_by         TEXT NOT NULL,                 -- 'user:<id>'
  created_at         TEXT NOT NULL,
  UNIQUE (round_id, removed_entrant_id),
  UNIQUE (round_id, added_entrant_id)
);
