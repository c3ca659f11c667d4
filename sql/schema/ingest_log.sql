-- Every input record of every run gets exactly one row: stored, duplicate or rejected, with why.
CREATE TABLE IF NOT EXISTS ingest_log (
    run_id       VARCHAR NOT NULL,
    source_path  VARCHAR NOT NULL,
    record_no    INTEGER NOT NULL,                 -- 0 for a whole file; the line number (1-based) in a .jsonl
    status       VARCHAR NOT NULL,                 -- stored | duplicate | rejected
    article_id   VARCHAR,
    external_id  VARCHAR,
    reason       VARCHAR,                          -- why rejected; for stored rows, a warning (e.g. bad published_at)
    logged_at    TIMESTAMP NOT NULL DEFAULT current_timestamp
);
