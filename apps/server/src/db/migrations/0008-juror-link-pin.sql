-- The juror's PIN guards the invitation link too (docs/decisions/013-second-tablet-needs-the-pin.md).
-- Once one of a juror's tablets has a PIN, the link binds another only with that PIN. Wrong PINs
-- typed at the link are counted per juror, apart from any tablet's own count, so someone guessing
-- at the link never locks the juror's healthy tablet; the 10th in a row blocks the link until the
-- organiser issues a new one.
CREATE TABLE link_pin_failures (
  juror_id INTEGER NOT NULL REFERENCES jurors(id) ON DELETE CASCADE,
  at       TEXT NOT NULL
);
CREATE INDEX link_pin_failures_juror ON link_pin_failures(juror_id, at);
ALTER TABLE jurors ADD COLUMN link_failed_pins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jurors ADD COLUMN link_locked_at TEXT;

-- The tablet's idle lock, minutes without a touch before it asks for the PIN (PRODUCT.md: 15 by
-- default); sent with the juror's state instead of read from the address.
ALTER TABLE competitions ADD COLUMN idle_lock_minutes INTEGER NOT NULL DEFAULT 15
  CHECK (idle_lock_minutes BETWEEN 1 AND 60);
