-- inputs: _article_copies_input
-- Article dependence: article_id copies (or rewrites) copy_of_article_id. similarity is the share of
-- the smaller text's content-word bigrams found in the other; method says how the pair was found
-- (shingle: near-duplicate text; wire_credit: the same wire agency credited, with a lower bar;
-- translation: the same figures in another language, within days).
-- Rebuilt on every run over all articles by corroborate/copies.py (thresholds documented there).
CREATE OR REPLACE TABLE article_copies AS
SELECT
    CAST(article_id AS VARCHAR)         AS article_id,
    CAST(copy_of_article_id AS VARCHAR) AS copy_of_article_id,
    CAST(similarity AS DOUBLE)          AS similarity,
    CAST(method AS VARCHAR)             AS method
FROM _article_copies_input;
