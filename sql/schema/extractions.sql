-- Which article was extracted by which extractor version: a run extracts only articles missing here
-- for the current version, so a new extractor version re-extracts everything.
CREATE TABLE IF NOT EXISTS extractions (
    article_id         VARCHAR NOT NULL,
    extractor_version  VARCHAR NOT NULL,
    run_id             VARCHAR NOT NULL,
    claims             INTEGER NOT NULL,
    PRIMARY KEY (article_id, extractor_version)
);
