-- PostgreSQL twin of ../0013-security-round-two.sql (decision 018, 023). Never edited once applied.

-- One chair per competition, held by the database itself.
CREATE UNIQUE INDEX jurors_one_chair ON jurors(competition_id) WHERE is_chair = 1;

-- The chair is fixed with the rules: once round 1's scoring opens (settings_locked_at), no
-- statement moves the chair's seat. The routes refuse first with 409 CHAIR_FIXED; this is the floor.
CREATE FUNCTION jurors_chair_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.is_chair <> NEW.is_chair
     AND (SELECT settings_locked_at FROM competitions WHERE id = NEW.competition_id) IS NOT NULL THEN
    RAISE EXCEPTION 'the jury chair is fixed since the rules were locked';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER jurors_chair_fixed BEFORE UPDATE OF is_chair ON jurors
  FOR EACH ROW EXECUTE FUNCTION jurors_chair_fixed();

-- Failed sign-ins, one row per try, counted per account and per address in a sliding window.
CREATE TABLE auth_failures (
  scope TEXT NOT NULL,
  key   TEXT NOT NULL,
  at    TEXT NOT NULL
);
CREATE INDEX auth_failures_key ON auth_failures(scope, key, at);
CREATE INDEX auth_failures_at ON auth_failures(at);
