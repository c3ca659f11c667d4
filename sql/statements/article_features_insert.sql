-- Keep the text features computed for new articles.
INSERT INTO article_features BY NAME
SELECT article_id, version, shingles, credits, numbers, names FROM _new_article_features;
