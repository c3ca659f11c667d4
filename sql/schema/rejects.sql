-- Rows that failed an expectation, kept with the reason instead of being scored.
CREATE TABLE IF NOT EXISTS rejects (
    run_id       VARCHAR NOT NULL,
    stage        VARCHAR NOT NULL,                 -- ingest | extract | validate | score
    suite        VARCHAR,                          -- the expectation suite, when a suite rejected it
    expectation  VARCHAR,                          -- the failing expectation (type and column)
    table_name   VARCHAR,
    row_key      VARCHAR,                          -- claim_id / article_id of the row
    row_json     JSON,
    reason       VARCHAR NOT NULL,
    rejected_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);
