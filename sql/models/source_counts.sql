-- inputs: claims, claim_facts, claim_outcomes, claim_sources, relay_checks, source_tree, sources, _claim_weights
-- Per source, the claims it answers for and their outcomes.
--   An official answers for the claims credited to it or to anything under it in the tree (the Pentagon
--   for Sabrina Singh's).
--   An outlet answers for what it adds: the figures it states in its own voice (own), with their
--   outcomes, and the fidelity of what it relays (relayed): a relayed figure that differs from what its
--   source said elsewhere (relay_checks) counts as revised against the outlet; a faithful relay counts as
--   unresolved for it, whatever later happens to the source's figure, which is the source's to answer for.
-- claims = corroborated + revised + unresolved for every source. corroborated_weight / revised_weight are
-- the evidence mass the scoring method gives each claim (_claim_weights, from corroborate/score.py): 0/1
-- for the simple method.
-- One dispatch, one voice: the copies of one dispatch (one copy group, article_groups) give a source's figure
-- on a quantity once, however many sites republish it (and a headline restating its lede once too).
CREATE OR REPLACE TABLE source_counts AS
WITH official AS (
    SELECT
        cs.claim_id,
        t.ancestor_id AS source_id,
        coalesce(f.group_id, c.article_id) AS group_id,
        coalesce(f.quantity_id, c.claim_id) AS quantity_id,
        c.value
    FROM claim_sources cs
    JOIN source_tree t ON t.source_id = cs.source_id
    JOIN claims c ON c.claim_id = cs.claim_id
    LEFT JOIN claim_facts f ON f.claim_id = cs.claim_id
), credited AS (
    SELECT min(claim_id) AS claim_id, source_id, false AS relay
    FROM official
    GROUP BY source_id, group_id, quantity_id, value
    UNION
    SELECT cs.claim_id, cs.outlet_id, c.attributed AS relay
    FROM claim_sources cs JOIN claims c USING (claim_id)
), judged AS (
    SELECT
        c.source_id,
        c.relay,
        CASE
            WHEN NOT c.relay THEN o.outcome
            WHEN coalesce(r.relayed_wrong, false) THEN 'revised'
            ELSE 'unresolved'
        END AS outcome,
        coalesce(r.relayed_wrong, false) AS relayed_wrong,
        CASE WHEN c.relay THEN 0 ELSE coalesce(w.corroborated_weight, 0) END AS corroborated_weight,
        CASE WHEN c.relay THEN CASE WHEN r.relayed_wrong THEN 1 ELSE 0 END ELSE coalesce(w.revised_weight, 0) END
            AS revised_weight
    FROM credited c
    JOIN claim_outcomes o ON o.claim_id = c.claim_id
    LEFT JOIN relay_checks r ON r.claim_id = c.claim_id
    LEFT JOIN _claim_weights w ON w.claim_id = c.claim_id
)
SELECT
    s.source_id,
    s.name AS source,
    s.kind,
    s.parent_id,
    count(*)::INTEGER                                           AS claims,
    count(*) FILTER (WHERE j.outcome = 'corroborated')::INTEGER AS corroborated,
    count(*) FILTER (WHERE j.outcome = 'revised')::INTEGER      AS revised,
    count(*) FILTER (WHERE j.outcome = 'unresolved')::INTEGER   AS unresolved,
    count(*) FILTER (WHERE NOT j.relay)::INTEGER                AS own,
    count(*) FILTER (WHERE j.relay)::INTEGER                    AS relayed,
    count(*) FILTER (WHERE j.relayed_wrong)::INTEGER            AS relayed_wrong,
    coalesce(sum(j.corroborated_weight), 0)::DOUBLE             AS corroborated_weight,
    coalesce(sum(j.revised_weight), 0)::DOUBLE                  AS revised_weight
FROM judged j
JOIN sources s ON s.source_id = j.source_id
WHERE NOT (s.kind = 'outlet' AND s.name = $unknown_outlet)
  -- a descriptor ("the authorities", "sources") names nobody: it is not listed (corroborate/naming.py)
  AND s.named
GROUP BY ALL;
