-- Stored claims, all of them or those of one run ($run_id null = all).
SELECT count(*) FROM claims WHERE $run_id IS NULL OR run_id = $run_id;
