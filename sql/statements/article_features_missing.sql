-- The stored articles whose text features are not kept yet.
SELECT a.article_id, a.outlet, a.title, a.text
FROM articles AS a
WHERE NOT EXISTS (SELECT 1 FROM article_features AS f WHERE f.article_id = a.article_id)
ORDER BY a.article_id;
