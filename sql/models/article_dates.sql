-- inputs: articles, article_groups
-- When each article's figures held. An article dated by its record, URL or text (corroborate/dates.py)
-- keeps its date; an undated one in a copy group (article_groups: rewrites and translations of one
-- dispatch) takes the earliest date in the group, because its figures are the dispatch's and held when
-- the dispatch was written. dated_by says which: 'article', 'copy' (dated_from names the article whose
-- date it took), or null when the date stays unknown.
CREATE OR REPLACE TABLE article_dates AS
WITH grouped AS (
    SELECT a.article_id, a.published_at, a.published_precision, coalesce(g.group_id, a.article_id) AS group_id
    FROM articles a
    LEFT JOIN article_groups g USING (article_id)
), earliest AS (
    SELECT group_id,
           arg_min(article_id, (published_at, article_id)) AS dated_from,
           arg_min(published_at, (published_at, article_id)) AS published_at,
           arg_min(published_precision, (published_at, article_id)) AS published_precision
    FROM grouped
    WHERE published_at IS NOT NULL
    GROUP BY group_id
)
SELECT
    g.article_id,
    coalesce(g.published_at, e.published_at) AS published_at,
    coalesce(g.published_precision, e.published_precision) AS published_precision,
    -- the date as precisely as it is known: '2023-09' for a month, '2023' for a year (published_at holds
    -- the first day of either, which is not when the figure was said)
    CASE coalesce(g.published_precision, e.published_precision)
        WHEN 'month' THEN strftime(coalesce(g.published_at, e.published_at), '%Y-%m')
        WHEN 'year' THEN strftime(coalesce(g.published_at, e.published_at), '%Y')
        ELSE strftime(coalesce(g.published_at, e.published_at), '%Y-%m-%d')
    END AS published_on,
    CASE WHEN g.published_at IS NOT NULL THEN 'article' WHEN e.published_at IS NOT NULL THEN 'copy' END AS dated_by,
    CASE WHEN g.published_at IS NULL THEN e.dated_from END AS dated_from
FROM grouped g
LEFT JOIN earliest e USING (group_id);
