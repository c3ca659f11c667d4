-- Per source, the claims it answers for and their outcomes. A source answers for the claims credited to
-- it or to anything under it in the tree (the Pentagon for Sabrina Singh's), and an outlet for every
-- figure it publishes, attributed or not. corroborated_weight / revised_weight are the evidence mass the
-- scoring method gives each claim (_claim_weights, from corroborate/score.py): 0/1 for the simple method.
CREATE OR REPLACE TABLE source_counts AS
WITH credited AS (
    SELECT cs.claim_id, t.ancestor_id AS source_id
    FROM claim_sources cs JOIN source_tree t ON t.source_id = cs.source_id
    UNION
    SELECT claim_id, outlet_id FROM claim_sources
)
SELECT
    s.source_id,
    s.name AS source,
    s.kind,
    s.parent_id,
    count(*)::INTEGER                                           AS claims,
    count(*) FILTER (WHERE o.outcome = 'corroborated')::INTEGER AS corroborated,
    count(*) FILTER (WHERE o.outcome = 'revised')::INTEGER      AS revised,
    count(*) FILTER (WHERE o.outcome = 'unresolved')::INTEGER   AS unresolved,
    coalesce(sum(w.corroborated_weight), 0)::DOUBLE             AS corroborated_weight,
    coalesce(sum(w.revised_weight), 0)::DOUBLE                  AS revised_weight
FROM credited c
JOIN sources s ON s.source_id = c.source_id
JOIN claim_outcomes o ON o.claim_id = c.claim_id
LEFT JOIN _claim_weights w ON w.claim_id = c.claim_id
WHERE NOT (s.kind = 'outlet' AND s.name = $unknown_outlet)
GROUP BY ALL;
