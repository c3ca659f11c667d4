-- One row per figure credited to one source in one article (the extract contract, plus keys).
CREATE TABLE IF NOT EXISTS claims (
    claim_id           VARCHAR PRIMARY KEY,        -- hash of article_id, char span, source
    article_id         VARCHAR NOT NULL,
    external_id        VARCHAR,
    source             VARCHAR NOT NULL,           -- who the figure is credited to (the outlet when unattributed)
    source_org         VARCHAR,                    -- the speaker's organisation, when the text says
    attributed         BOOLEAN NOT NULL,
    value              DOUBLE NOT NULL,
    value_low          DOUBLE NOT NULL,
    value_high         DOUBLE NOT NULL,
    qualifier          VARCHAR NOT NULL,           -- exact | approx | at_least | at_most | range | projection
    unit               VARCHAR NOT NULL,           -- corroborate.vocab.UNITS
    unit_raw           VARCHAR,
    subject            VARCHAR,                    -- what is counted
    scope              VARCHAR,                    -- where / when it holds, as written
    period_start       DATE,                       -- when it holds, when the text says
    period_end         DATE,
    text               VARCHAR NOT NULL,           -- the figure's exact span
    char_start         INTEGER NOT NULL,
    char_end           INTEGER NOT NULL,
    confidence         DOUBLE NOT NULL,
    quantity_id        VARCHAR,                    -- set by the link stage
    extractor_version  VARCHAR NOT NULL,
    run_id             VARCHAR NOT NULL
);
-- The attribution rule that credited the figure to its source (a pattern of
-- corroborate/extract/attribution/pairing.py: quote, according, governs, agent, author, continuation …); null
-- for an outlet's own figure. Databases made before it was recorded get the column, null in their old rows.
ALTER TABLE claims ADD COLUMN IF NOT EXISTS attribution VARCHAR;
