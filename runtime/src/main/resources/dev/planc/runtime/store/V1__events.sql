-- Planc event store, schema version 1.
-- One row per event; `line` is the event exactly as the journal file would hold it (EventCodec),
-- so both stores keep one format. The other columns are for lookups and for people with psql.
CREATE TABLE planc_events (
    seq      bigserial   PRIMARY KEY,
    journal  text        NOT NULL,
    id       text        NOT NULL UNIQUE,
    at       timestamp   NOT NULL,
    recorded timestamptz NOT NULL,
    type     text        NOT NULL,
    subject  text,
    author   text,
    line     text        NOT NULL
);
CREATE INDEX planc_events_journal_seq ON planc_events (journal, seq);
