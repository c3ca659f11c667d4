-- Remove the row of a run that was started and then abandoned before doing any work (see store.Run.abandon).
DELETE FROM runs
WHERE run_id = $run_id AND status = 'running';
