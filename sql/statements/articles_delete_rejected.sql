-- Remove the articles of this run that failed their suite (they are kept in rejects, with the reason).
DELETE FROM articles
WHERE run_id = $run_id AND article_id IN (SELECT row_key FROM __validate_rejects);
