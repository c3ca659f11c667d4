-- One row per run of the nightly flow. A run killed before it finished shows as 'incomplete'.
CREATE TABLE IF NOT EXISTS runs (
    run_id              VARCHAR PRIMARY KEY,
    started_at          TIMESTAMP NOT NULL,
    ended_at            TIMESTAMP,
    status              VARCHAR NOT NULL,          -- running | completed | failed | incomplete
    reason              VARCHAR,                   -- why it failed, when it did
    inputs              VARCHAR[],
    extractor_version   VARCHAR,
    articles_new        INTEGER DEFAULT 0,
    articles_duplicate  INTEGER DEFAULT 0,
    articles_rejected   INTEGER DEFAULT 0,
    articles_extracted  INTEGER DEFAULT 0,
    claims_new          INTEGER DEFAULT 0,
    claims_total        INTEGER DEFAULT 0,
    rejects             INTEGER DEFAULT 0,
    stage_seconds       MAP(VARCHAR, DOUBLE),
    link_fingerprint    VARCHAR,                   -- what link and score read; equal => results unchanged
    input_fingerprint   VARCHAR                    -- inputs, options and rules as the run found them
);
-- Files made before the columns existed get them too.
ALTER TABLE runs ADD COLUMN IF NOT EXISTS link_fingerprint VARCHAR;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS input_fingerprint VARCHAR;
