-- One row per distinct article text. article_id is the hash of the normalised text, so the same
-- text ingested twice (or from two files) is one article.
CREATE TABLE IF NOT EXISTS articles (
    article_id          VARCHAR PRIMARY KEY,
    external_id         VARCHAR,                   -- the record's id, or the file name without extension
    outlet              VARCHAR NOT NULL,          -- 'unknown' when nobody says
    url                 VARCHAR,
    title               VARCHAR,
    published_at        DATE,
    published_precision VARCHAR,                   -- day | month | year, null when the date is unknown
    language            VARCHAR,                   -- fr | en
    text                VARCHAR NOT NULL,          -- decoded, NFC; claim offsets index this text
    source_path         VARCHAR,
    run_id              VARCHAR NOT NULL           -- the run that stored it
);
