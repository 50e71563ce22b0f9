-- Security, second round (issue 17, docs/decisions/018-security-round-two-import-chair-limits.md).
-- Never edited once applied.

-- One chair per competition, held by the database itself: no route, import or later edit can
-- seat a second one (the organiser would otherwise sign as the chair from a second chair's tablet).
CREATE UNIQUE INDEX jurors_one_chair ON jurors(competition_id) WHERE is_chair = 1;

-- The chair is fixed with the rules: once round 1's scoring opens (settings_locked_at), no
-- statement moves the chair's seat. The routes refuse first with 409 CHAIR_FIXED; this is the floor.
CREATE TRIGGER jurors_chair_fixed BEFORE UPDATE OF is_chair ON jurors
  WHEN OLD.is_chair <> NEW.is_chair
   AND (SELECT settings_locked_at FROM competitions WHERE id = NEW.competition_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'the jury chair is fixed since the rules were locked');
END;

-- Failed sign-ins (and later password resets), one row per try, counted per account and per
-- address in a sliding window. In the database, not memory: a restart does not forget them and
-- no number of junk addresses evicts an account's count. Rows older than the window are pruned.
CREATE TABLE auth_failures (
  scope TEXT NOT NULL,             -- 'login:account' | 'login:address' (| 'reset:…' later)
  key   TEXT NOT NULL,             -- the lower-cased e-mail, or the socket's address
  at    TEXT NOT NULL
);
CREATE INDEX auth_failures_key ON auth_failures(scope, key, at);
CREATE INDEX auth_failures_at ON auth_failures(at);
