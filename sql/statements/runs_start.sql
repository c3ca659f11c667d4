-- Record a run as started (written to the live file before the staging copy is taken).
INSERT INTO runs (run_id, started_at, status, inputs, extractor_version)
VALUES ($run_id, current_timestamp, 'running', $inputs, $extractor_version);
