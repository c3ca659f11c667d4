-- inputs: _article_groups_input
-- Each article's copy group: articles linked by article_copies, directly or through others (two
-- rewrites of one dispatch are one story). Claims from the same group never corroborate each other.
CREATE OR REPLACE TABLE article_groups AS
SELECT CAST(article_id AS VARCHAR) AS article_id, CAST(group_id AS VARCHAR) AS group_id
FROM _article_groups_input;
