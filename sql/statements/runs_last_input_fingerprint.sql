-- What the last completed run read before it opened the database (NULL: it recorded nothing).
SELECT input_fingerprint
FROM runs
WHERE status = 'completed'
ORDER BY ended_at DESC, run_id DESC
LIMIT 1;
