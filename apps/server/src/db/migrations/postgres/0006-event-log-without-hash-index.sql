-- PostgreSQL twin of ../0006-event-log-without-hash-index.sql (decision 011, 023): the event log's
-- `hash` loses its UNIQUE index (nothing looks an entry up by its hash; verifyChain recomputes every
-- hash). PostgreSQL drops the constraint in place; rows, `seq` and the triggers are untouched.
-- Never edited once applied.

ALTER TABLE events DROP CONSTRAINT events_hash_key;
