-- Pairs of articles (by document number) sharing at least $min_shared shingles, from the shingle
-- postings (registered as copy_shingles). Shingles found in more than $max_articles articles are stock
-- phrases of a topic, not evidence of copying, and are skipped so the work stays linear.
WITH postings AS (
    SELECT doc, shingle
    FROM copy_shingles
    QUALIFY count(*) OVER (PARTITION BY shingle) BETWEEN 2 AND $max_articles
)
SELECT a.doc, b.doc AS doc_b, count(*) AS shared
FROM postings AS a
JOIN postings AS b ON a.shingle = b.shingle AND a.doc < b.doc
GROUP BY ALL
HAVING count(*) >= $min_shared;
