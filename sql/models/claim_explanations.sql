-- inputs: articles, claims, article_dates, article_groups, claim_evidence, claim_outcomes, claim_sources, quantities, source_tree, sources
-- Every claim with its source, outcome and evidence, one row per piece of evidence (a claim without
-- evidence has one row with empty evidence columns). credited_ids lists every source the claim counts
-- for: its speaker, everything above the speaker in the tree, and the outlet that published it.
-- published_at is when the figure held (article_dates): dated_by 'copy' when an undated copy took its
-- dispatch's date.
-- corroborate.link.explain(con, source) and the HTML report (corroborate/report/data.py) read this view.
CREATE OR REPLACE VIEW claim_explanations AS
WITH credited AS (
    SELECT cs.claim_id, list_distinct(list(t.ancestor_id) || [any_value(cs.outlet_id)]) AS credited_ids
    FROM claim_sources cs
    JOIN source_tree t ON t.source_id = cs.source_id
    GROUP BY cs.claim_id
)
SELECT
    c.claim_id,
    s.name            AS source,
    s.kind            AS source_kind,
    a.outlet,
    ad.published_at,
    ad.published_on,
    ad.dated_by,
    a.external_id,
    c.article_id,
    coalesce(g.group_id, c.article_id) AS group_id,   -- the copy group: one dispatch, one voice in the scores
    c.text,
    c.value,
    c.value_low,
    c.value_high,
    c.qualifier,
    c.unit,
    c.subject,
    c.scope,
    q.label           AS quantity,
    o.outcome,
    o.reason,
    o.decided_by_claim_id,
    e.relation,
    e.evidence_claim_id,
    e.evidence_claim_id = o.decided_by_claim_id AS decisive,
    es.name           AS evidence_source,
    ead.published_at  AS evidence_published_at,
    ead.published_on  AS evidence_published_on,
    ea.outlet         AS evidence_outlet,
    ea.external_id    AS evidence_external_id,
    ec.article_id     AS evidence_article_id,
    ec.text           AS evidence_text,
    ec.value          AS evidence_value,
    cr.credited_ids,
    c.quantity_id,
    a.title
FROM claims c
JOIN articles a USING (article_id)
JOIN article_dates ad USING (article_id)
LEFT JOIN article_groups g ON g.article_id = c.article_id
JOIN claim_sources cs USING (claim_id)
JOIN sources s ON s.source_id = cs.source_id
JOIN credited cr ON cr.claim_id = c.claim_id
LEFT JOIN quantities q ON q.quantity_id = c.quantity_id
LEFT JOIN claim_outcomes o ON o.claim_id = c.claim_id
LEFT JOIN claim_evidence e ON e.claim_id = c.claim_id
LEFT JOIN claims ec ON ec.claim_id = e.evidence_claim_id
LEFT JOIN articles ea ON ea.article_id = ec.article_id
LEFT JOIN article_dates ead ON ead.article_id = ec.article_id
LEFT JOIN claim_sources ecs ON ecs.claim_id = e.evidence_claim_id
LEFT JOIN sources es ON es.source_id = ecs.source_id;
