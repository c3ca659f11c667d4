-- The texts of some articles ($ids), to check that each claim's span is the article's text there.
SELECT article_id, text FROM articles WHERE article_id IN (SELECT unnest($ids));
