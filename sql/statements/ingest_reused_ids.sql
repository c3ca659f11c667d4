-- Ids of the current ingest batch (registered as ingest_batch_ids: external_id, article_id) that articles
-- already stored carry with another text: per batch pair, how many other texts, the first one and its run.
SELECT
    b.external_id,
    b.article_id,
    count(DISTINCT a.article_id) AS other_texts,
    min(a.article_id) AS other_article_id,
    arg_min(a.run_id, a.article_id) AS other_run_id
FROM ingest_batch_ids AS b
JOIN articles AS a ON a.external_id = b.external_id AND a.article_id <> b.article_id
GROUP BY b.external_id, b.article_id;
