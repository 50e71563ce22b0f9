-- The data model of the whole product. Later migrations extend it; this file is never edited
-- once applied. JSON columns hold small per-language maps and lists that are always read whole.

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name          TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL
);

-- Server-side sessions; the cookie holds a random token, the table only its SHA-256.
CREATE TABLE sessions (
  token_hash  TEXT PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE competitions (
  id                 INTEGER PRIMARY KEY,
  name               TEXT NOT NULL,
  starts_on          TEXT NOT NULL,
  ends_on            TEXT NOT NULL,
  venue              TEXT NOT NULL DEFAULT '',
  languages          TEXT NOT NULL,            -- JSON array of 'fr' | 'en' | 'ar'
  default_language   TEXT NOT NULL,
  scale_min          INTEGER NOT NULL DEFAULT 1,
  scale_max          INTEGER NOT NULL DEFAULT 10,
  method             TEXT NOT NULL DEFAULT 'satm' CHECK (method IN ('satm','mean','median','zscore')),
  trim               TEXT NOT NULL DEFAULT 'auto' CHECK (trim IN ('auto','0')),
  award_count        INTEGER NOT NULL DEFAULT 3,
  award_axis_max     INTEGER,                   -- NULL: no cap per axis
  shortlist_size     INTEGER NOT NULL DEFAULT 12,
  shortlist_axis_min INTEGER NOT NULL DEFAULT 0,
  shortlist_axis_max INTEGER,
  rubric_version     INTEGER NOT NULL DEFAULT 1,
  settings_locked_at TEXT,                      -- set when round 1's scoring opens
  created_at         TEXT NOT NULL,
  CHECK (scale_min < scale_max)
);

-- Who may administer which competition.
CREATE TABLE competition_organisers (
  competition_id INTEGER NOT NULL REFERENCES competitions(id) ON DELETE CASCADE,
  user_id        INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (competition_id, user_id)
);

CREATE TABLE axes (
  id             INTEGER PRIMARY KEY,
  competition_id INTEGER NOT NULL REFERENCES competitions(id) ON DELETE CASCADE,
  code           TEXT NOT NULL,
  position       INTEGER NOT NULL,
  color          TEXT NOT NULL,
  labels         TEXT NOT NULL,                 -- JSON { fr, en, ar }
  UNIQUE (competition_id, code)
);

CREATE TABLE criteria (
  id             INTEGER PRIMARY KEY,
  competition_id INTEGER NOT NULL REFERENCES competitions(id) ON DELETE CASCADE,
  code           TEXT NOT NULL,
  position       INTEGER NOT NULL,
  weight         INTEGER NOT NULL CHECK (weight > 0),
  labels         TEXT NOT NULL,                 -- JSON { fr, en, ar }
  levels         TEXT NOT NULL,                 -- JSON { fr: [..one per level..], en: [...], ar: [...] }
  UNIQUE (competition_id, code)
);

CREATE TABLE entrants (
  id                INTEGER PRIMARY KEY,
  competition_id    INTEGER NOT NULL REFERENCES competitions(id) ON DELETE CASCADE,
  axis_id           INTEGER NOT NULL REFERENCES axes(id),
  name              TEXT NOT NULL,
  founders          TEXT NOT NULL DEFAULT '',
  pitch             TEXT NOT NULL DEFAULT '',
  contact_email     TEXT NOT NULL DEFAULT '',
  access_token      TEXT NOT NULL UNIQUE,       -- the startup's private link (the organiser hands it out)
  created_at        TEXT NOT NULL,
  UNIQUE (competition_id, name)
);

CREATE TABLE jurors (
  id                INTEGER PRIMARY KEY,
  competition_id    INTEGER NOT NULL REFERENCES competitions(id) ON DELETE CASCADE,
  name              TEXT NOT NULL,
  email             TEXT NOT NULL DEFAULT '',
  title             TEXT NOT NULL DEFAULT '',
  is_chair          INTEGER NOT NULL DEFAULT 0 CHECK (is_chair IN (0,1)),
  invite_token      TEXT NOT NULL UNIQUE,       -- the invitation link (shown as a QR code); binding tokens are hashed
  created_at        TEXT NOT NULL
);

-- A tablet bound to a juror through the invitation link.
CREATE TABLE device_bindings (
  id               INTEGER PRIMARY KEY,
  juror_id         INTEGER NOT NULL REFERENCES jurors(id) ON DELETE CASCADE,
  token_hash       TEXT NOT NULL UNIQUE,
  pin_hash         TEXT,                         -- scrypt, set when the juror chooses a PIN
  failed_pins      INTEGER NOT NULL DEFAULT 0,
  locked_at        TEXT,                         -- after 10 failures, until the organiser resets
  revoked_at       TEXT,
  created_at       TEXT NOT NULL,
  last_seen_at     TEXT
);
CREATE INDEX device_bindings_juror ON device_bindings(juror_id);

CREATE TABLE rounds (
  id                     INTEGER PRIMARY KEY,
  competition_id         INTEGER NOT NULL REFERENCES competitions(id) ON DELETE CASCADE,
  kind                   TEXT NOT NULL CHECK (kind IN ('shortlist','final')),
  state                  TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','open','closed','confirmed')),
  opened_at              TEXT,
  closed_at              TEXT,
  close_reason           TEXT,                  -- required when force-closed with missing scorecards
  confirmed_at           TEXT,
  published_at           TEXT,                  -- shortlist published to the startups
  pitch_seed             TEXT,                  -- recorded seed of the random pitch order
  now_pitching_entrant_id INTEGER REFERENCES entrants(id),
  now_pitching_since     TEXT,
  UNIQUE (competition_id, kind)
);

-- The entrants taking part in a round, with their pitch slot in the final.
CREATE TABLE round_entrants (
  round_id       INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  entrant_id     INTEGER NOT NULL REFERENCES entrants(id) ON DELETE CASCADE,
  pitch_position INTEGER,
  PRIMARY KEY (round_id, entrant_id)
);

CREATE TABLE assignments (
  round_id   INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  juror_id   INTEGER NOT NULL REFERENCES jurors(id) ON DELETE CASCADE,
  entrant_id INTEGER NOT NULL REFERENCES entrants(id) ON DELETE CASCADE,
  PRIMARY KEY (round_id, juror_id, entrant_id)
);

-- A declared conflict of interest holds for the whole competition.
CREATE TABLE recusals (
  competition_id INTEGER NOT NULL REFERENCES competitions(id) ON DELETE CASCADE,
  juror_id       INTEGER NOT NULL REFERENCES jurors(id) ON DELETE CASCADE,
  entrant_id     INTEGER NOT NULL REFERENCES entrants(id) ON DELETE CASCADE,
  reason         TEXT NOT NULL,
  declared_at    TEXT NOT NULL,
  PRIMARY KEY (juror_id, entrant_id)
);

CREATE TABLE scorecards (
  id           INTEGER PRIMARY KEY,
  round_id     INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  juror_id     INTEGER NOT NULL REFERENCES jurors(id) ON DELETE CASCADE,
  entrant_id   INTEGER NOT NULL REFERENCES entrants(id) ON DELETE CASCADE,
  status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','withdrawn')),
  note         TEXT NOT NULL DEFAULT '',        -- private, for the jury
  feedback     TEXT NOT NULL DEFAULT '',        -- shown to the startup once published
  submitted_at TEXT,
  updated_at   TEXT NOT NULL,
  UNIQUE (round_id, juror_id, entrant_id)
);

-- The current value of each criterion on a scorecard, with the highest revision applied.
CREATE TABLE scores (
  scorecard_id INTEGER NOT NULL REFERENCES scorecards(id) ON DELETE CASCADE,
  criterion_id INTEGER NOT NULL REFERENCES criteria(id),
  value        INTEGER NOT NULL,
  revision     INTEGER NOT NULL,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (scorecard_id, criterion_id)
);

-- Every change a tablet sent, once: the idempotency key is (scorecard, criterion, revision).
CREATE TABLE score_changes (
  scorecard_id INTEGER NOT NULL REFERENCES scorecards(id) ON DELETE CASCADE,
  criterion_id INTEGER NOT NULL REFERENCES criteria(id),
  revision     INTEGER NOT NULL,
  value        INTEGER NOT NULL,
  received_at  TEXT NOT NULL,
  PRIMARY KEY (scorecard_id, criterion_id, revision)
);

-- Late corrections, by the chair only, with a reason; both values are kept.
CREATE TABLE score_corrections (
  id            INTEGER PRIMARY KEY,
  scorecard_id  INTEGER NOT NULL REFERENCES scorecards(id) ON DELETE CASCADE,
  criterion_id  INTEGER NOT NULL REFERENCES criteria(id),
  old_value     INTEGER NOT NULL,
  new_value     INTEGER NOT NULL,
  reason        TEXT NOT NULL,
  chair_juror_id INTEGER NOT NULL REFERENCES jurors(id),
  created_at    TEXT NOT NULL
);

-- Ties the rules left open, settled by the chair with a written reason.
CREATE TABLE chair_decisions (
  id             INTEGER PRIMARY KEY,
  round_id       INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  entrant_order  TEXT NOT NULL,                 -- JSON array of entrant ids
  reason         TEXT NOT NULL,
  decided_by     TEXT NOT NULL,                 -- 'juror:<id>' or 'user:<id>'
  created_at     TEXT NOT NULL
);

-- Frozen results: what was computed, from exactly which input.
CREATE TABLE result_snapshots (
  id              INTEGER PRIMARY KEY,
  round_id        INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  method          TEXT NOT NULL,
  rubric_version  INTEGER NOT NULL,
  fingerprint     TEXT NOT NULL,
  input           TEXT NOT NULL,                -- JSON: the ranking's canonical input
  result          TEXT NOT NULL,                -- JSON: the ranking's output
  chair_decisions TEXT NOT NULL,                -- JSON
  created_at      TEXT NOT NULL,
  published_at    TEXT
);

CREATE TABLE signoffs (
  snapshot_id INTEGER NOT NULL REFERENCES result_snapshots(id) ON DELETE CASCADE,
  role        TEXT NOT NULL CHECK (role IN ('chair','organiser')),
  actor       TEXT NOT NULL,                    -- 'juror:<id>' or 'user:<id>'
  signed_at   TEXT NOT NULL,
  PRIMARY KEY (snapshot_id, role)
);

-- Append-only log; each entry holds the previous entry's hash, so any later edit shows.
CREATE TABLE events (
  seq            INTEGER PRIMARY KEY,
  competition_id INTEGER REFERENCES competitions(id),
  at             TEXT NOT NULL,
  actor          TEXT NOT NULL,
  type           TEXT NOT NULL,
  payload        TEXT NOT NULL,                 -- JSON
  prev_hash      TEXT NOT NULL,
  hash           TEXT NOT NULL UNIQUE
);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
