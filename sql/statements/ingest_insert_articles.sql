-- The new articles of one ingest batch (registered as ingest_batch_articles), stamped with the run.
INSERT INTO articles (
    article_id, external_id, outlet, url, title, published_at, published_precision,
    language, text, source_path, run_id
)
SELECT
    article_id, external_id, outlet, url, title, published_at, published_precision,
    language, text, source_path, $run_id
FROM ingest_batch_articles;
