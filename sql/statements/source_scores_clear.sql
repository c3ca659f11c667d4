-- Scoring a run again with the same method replaces that run's rows.
DELETE FROM source_scores WHERE run_id = $run_id AND method = $method;
