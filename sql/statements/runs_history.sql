-- The runs of a database, newest first ($limit of them; all when $limit is NULL), with each one's duration.
SELECT
    run_id,
    status,
    started_at,
    ended_at,
    round(date_diff('millisecond', started_at, ended_at) / 1000.0, 1) AS seconds,
    articles_new,
    articles_duplicate,
    articles_rejected,
    articles_extracted,
    claims_new,
    claims_total,
    rejects,
    extractor_version,
    inputs,
    stage_seconds,
    reason
FROM runs
ORDER BY started_at DESC, run_id DESC
LIMIT $limit;
