-- The next batch (after article $after, in id order) of articles that the current extractor version
-- has not extracted yet. Keyset pagination: batches can be in flight before earlier ones are stored.
SELECT a.article_id, a.external_id, a.outlet, a.url, a.title, a.published_at, a.published_precision,
       a.language, a.text
FROM articles AS a
WHERE a.article_id > $after
  AND NOT EXISTS (
    SELECT 1 FROM extractions AS e
    WHERE e.article_id = a.article_id AND e.extractor_version = $extractor_version
  )
ORDER BY a.article_id
LIMIT $batch_size;
