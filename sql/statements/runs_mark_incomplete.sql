-- A run still 'running' when a new one holds the lock was killed before it finished.
UPDATE runs
SET status = 'incomplete',
    reason = coalesce(reason, 'the process stopped before the run finished; its work was discarded'),
    ended_at = coalesce(ended_at, current_timestamp)
WHERE status = 'running';
