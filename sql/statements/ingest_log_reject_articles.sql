-- Articles that failed their suite were stored by this run: their ingest_log rows become 'rejected'.
UPDATE ingest_log SET status = 'rejected', reason = r.reason
FROM __validate_rejects AS r
WHERE ingest_log.run_id = $run_id AND ingest_log.article_id = r.row_key AND ingest_log.status = 'stored';
