-- Ids of the current ingest batch (registered as ingest_batch_records) that are already stored.
SELECT article_id FROM articles WHERE article_id IN (SELECT article_id FROM ingest_batch_records);
