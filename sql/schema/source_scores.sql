-- One row per source per run and method: the history of every score. current_scores shows the
-- latest completed run's rows.
CREATE TABLE IF NOT EXISTS source_scores (
    run_id        VARCHAR NOT NULL,
    method        VARCHAR NOT NULL,                -- simple | iterative
    kind          VARCHAR NOT NULL,                -- outlet | official
    source_id     VARCHAR NOT NULL,
    source        VARCHAR NOT NULL,                -- the canonical name
    parent_id     VARCHAR,                         -- the organisation above it, for officials
    claims        INTEGER NOT NULL,
    corroborated  INTEGER NOT NULL,
    revised       INTEGER NOT NULL,
    unresolved    INTEGER NOT NULL,
    own           INTEGER,                         -- claims it answers for in its own voice
    relayed       INTEGER,                         -- an outlet's attributed figures (relays)
    relayed_wrong INTEGER,                         -- relays that differ from what their source said
    score         DOUBLE NOT NULL,                 -- posterior mean of the Beta-Binomial model
    ci_low        DOUBLE NOT NULL,                 -- 90% credible interval
    ci_high       DOUBLE NOT NULL,
    prior_alpha   DOUBLE NOT NULL,
    prior_beta    DOUBLE NOT NULL,
    computed_at   TIMESTAMP NOT NULL DEFAULT current_timestamp
);
-- Databases made before relay fidelity was scored get its columns (null in their old rows).
ALTER TABLE source_scores ADD COLUMN IF NOT EXISTS own INTEGER;
ALTER TABLE source_scores ADD COLUMN IF NOT EXISTS relayed INTEGER;
ALTER TABLE source_scores ADD COLUMN IF NOT EXISTS relayed_wrong INTEGER;
