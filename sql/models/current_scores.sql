-- inputs: runs, source_scores
-- The scores readers see: for each method, the rows of the latest completed run that computed it.
-- A run still going (or failed) never shows: its rows only count once runs.status = 'completed'.
CREATE OR REPLACE VIEW current_scores AS
WITH scored_runs AS (
    SELECT DISTINCT s.run_id, s.method, coalesce(r.ended_at, r.started_at) AS finished
    FROM source_scores s
    JOIN runs r ON r.run_id = s.run_id
    WHERE r.status = 'completed'
), latest AS (
    SELECT method, arg_max(run_id, (finished, run_id)) AS run_id
    FROM scored_runs
    GROUP BY method
)
SELECT s.*
FROM source_scores s
JOIN latest l ON l.run_id = s.run_id AND l.method = s.method;
