-- Close a run with its status and what it counted.
UPDATE runs
SET ended_at = current_timestamp,
    status = $status,
    reason = $reason,
    articles_new = $articles_new,
    articles_duplicate = $articles_duplicate,
    articles_rejected = $articles_rejected,
    articles_extracted = $articles_extracted,
    claims_new = $claims_new,
    claims_total = $claims_total,
    rejects = $rejects,
    stage_seconds = map($stage_keys::VARCHAR[], $stage_values::DOUBLE[]),
    link_fingerprint = $link_fingerprint,
    input_fingerprint = $input_fingerprint
WHERE run_id = $run_id;
