-- inputs: _story_pairs_input
-- Pairs of articles that report on one event (corroborate/stories.py), in both directions: claims on a
-- general concept ("*deaths") meet only within an article or across such a pair (claim_evidence.sql).
CREATE OR REPLACE TABLE story_pairs AS
SELECT CAST(article_id AS VARCHAR) AS article_id, CAST(other_id AS VARCHAR) AS other_id,
       CAST(similarity AS DOUBLE) AS similarity
FROM _story_pairs_input;
