-- Claims of an earlier extractor version for the articles being extracted again.
DELETE FROM claims WHERE article_id IN (SELECT article_id FROM batch_articles);
