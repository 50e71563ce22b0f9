-- PostgreSQL twin of ../0022-event-chain-per-competition.sql (decision 031): one hash chain per
-- competition, its head in `chain_heads`, locked with SELECT ... FOR UPDATE by each append. Here
-- `seq` also gets a sequence: several processes append at once, and each entry's place in the
-- instance-wide order is the database's to give (the chain itself no longer depends on it).
-- Never edited once applied.
ALTER TABLE events ADD COLUMN competition_seq INTEGER;

CREATE TABLE chain_heads (
  chain  INTEGER PRIMARY KEY,
  length INTEGER NOT NULL,
  hash   TEXT NOT NULL
);

INSERT INTO chain_heads (chain, length, hash)
  SELECT c.chain, c.length, last.hash
  FROM (SELECT coalesce(competition_id, 0) AS chain, count(*) AS length, max(seq) AS last_seq
        FROM events GROUP BY coalesce(competition_id, 0)) c
  JOIN events last ON last.seq = c.last_seq;

CREATE SEQUENCE events_seq_seq OWNED BY events.seq;
SELECT setval('events_seq_seq', coalesce((SELECT max(seq) FROM events), 0) + 1, false);
ALTER TABLE events ALTER COLUMN seq SET DEFAULT nextval('events_seq_seq');
