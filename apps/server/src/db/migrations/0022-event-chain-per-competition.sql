-- One hash chain per competition (decision 031, amending 023). Each competition's entries chain
-- on their own: an entry's `prev_hash` is the hash of its competition's previous entry, and
-- `competition_seq` is its place in that chain (1, 2, 3, ...). Entries without a competition
-- (sign-ins, instance events) form chain 0. `chain_heads` holds each chain's length and last
-- hash: an append reads and moves it in the same transaction as the change (on PostgreSQL under
-- `SELECT ... FOR UPDATE`), so two processes cannot fork a chain, and a tail cut off the log no
-- longer matches its head.
-- Entries written before this migration keep their `competition_seq` NULL and verify as they were
-- written (one chain for the instance, in `seq` order); each chain's first entry after it links
-- to that competition's last earlier entry. Nothing already written is rewritten.
ALTER TABLE events ADD COLUMN competition_seq INTEGER;

CREATE TABLE chain_heads (
  chain  INTEGER PRIMARY KEY,               -- competition id, or 0 for the instance's own entries
  length INTEGER NOT NULL,                  -- entries in the chain, earlier ones included
  hash   TEXT NOT NULL                      -- the hash of the chain's last entry
);

INSERT INTO chain_heads (chain, length, hash)
  SELECT c.chain, c.length, last.hash
  FROM (SELECT coalesce(competition_id, 0) AS chain, count(*) AS length, max(seq) AS last_seq
        FROM events GROUP BY coalesce(competition_id, 0)) c
  JOIN events last ON last.seq = c.last_seq;
