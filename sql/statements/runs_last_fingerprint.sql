-- The inputs of link and score at the last completed run that computed them.
SELECT link_fingerprint
FROM runs
WHERE status = 'completed' AND link_fingerprint IS NOT NULL
ORDER BY ended_at DESC, run_id DESC
LIMIT 1;
