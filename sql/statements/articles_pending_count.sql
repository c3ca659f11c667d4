-- How many articles the current extractor version still has to extract.
SELECT count(*)
FROM articles AS a
WHERE NOT EXISTS (
    SELECT 1 FROM extractions AS e
    WHERE e.article_id = a.article_id AND e.extractor_version = $extractor_version
);
