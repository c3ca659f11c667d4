-- Mark a batch of articles as extracted by this extractor version, with how many claims each gave.
INSERT OR REPLACE INTO extractions (article_id, extractor_version, run_id, claims)
SELECT b.article_id, $extractor_version, $run_id,
       (SELECT count(*) FROM batch_claims AS c WHERE c.article_id = b.article_id)
FROM batch_articles AS b;
