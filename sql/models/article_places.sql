-- inputs: _article_places_input
-- The country each article's title and opening name most often (corroborate/stories.py, lexicon
-- corroborate/lexicons/places.csv); articles that name none have no row. Claims on a general concept
-- ("*deaths") compare only between articles of one place (claim_evidence.sql).
CREATE OR REPLACE TABLE article_places AS
SELECT CAST(article_id AS VARCHAR) AS article_id, CAST(country AS VARCHAR) AS country
FROM _article_places_input;
