-- What the link stage reads from each article's text (corroborate/link/copies.py text_features): its
-- shingles, wire credits, first numbers and capitalised names. They depend on the text alone, so a run
-- computes them for its new articles only; rows of another version of that code are made again.
CREATE TABLE IF NOT EXISTS article_features (
    article_id  VARCHAR NOT NULL,
    version     VARCHAR NOT NULL,
    shingles    UBIGINT[],
    credits     VARCHAR[],
    numbers     VARCHAR[],
    names       VARCHAR[]
);
