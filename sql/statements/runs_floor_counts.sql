-- What a run must not lose, counted in the live file when it starts: every article, and every claim of an
-- article the current extractor version has already extracted (the run extracts the other articles again
-- and replaces their claims). Publish refuses a staging copy that holds fewer.
SELECT
    (SELECT count(*) FROM articles) AS articles,
    (
        SELECT count(*)
        FROM claims AS c
        WHERE EXISTS (
            SELECT 1 FROM extractions AS e
            WHERE e.article_id = c.article_id AND e.extractor_version = $extractor_version
        )
    ) AS claims;
