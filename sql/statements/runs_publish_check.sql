-- What publish checks in the staging copy before it replaces the live file: this run's own 'running' row,
-- and how many articles and claims the copy holds.
SELECT
    (SELECT count(*) FROM runs WHERE run_id = $run_id AND status = 'running') AS run_rows,
    (SELECT count(*) FROM articles) AS articles,
    (SELECT count(*) FROM claims) AS claims;
