-- Drop the text features of another code version, of articles no longer stored, or all of them ($full).
DELETE FROM article_features
WHERE $full OR version <> $version OR article_id NOT IN (SELECT article_id FROM articles);
