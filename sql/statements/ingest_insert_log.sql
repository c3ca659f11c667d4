-- One ingest_log row per input record of one ingest batch (registered as ingest_batch_log).
INSERT INTO ingest_log (run_id, source_path, record_no, status, article_id, external_id, reason)
SELECT $run_id, source_path, record_no, status, article_id, external_id, reason
FROM ingest_batch_log;
