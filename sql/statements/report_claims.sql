-- The report's claims: one row per claim of claim_explanations (which has one row per piece of
-- evidence), with the country its article is placed in (article_places; null when it names none) and
-- whether the figure is a reading on a scale (a quake's magnitude: claim_facts.is_scale), which counts nothing
-- and gets no timeline.
SELECT DISTINCT ON (e.claim_id)
    e.claim_id,
    e.article_id,
    e.source,
    e.source_kind,
    e.outlet,
    e.title,
    e.published_at,
    e.text,
    e.value,
    e.value_low,
    e.value_high,
    e.qualifier,
    e.unit,
    e.quantity_id,
    coalesce(e.outcome, 'unresolved') AS outcome,
    e.reason,
    p.country AS place,
    coalesce(f.is_scale, false) AS is_scale
FROM claim_explanations e
LEFT JOIN article_places p ON p.article_id = e.article_id
LEFT JOIN claim_facts f ON f.claim_id = e.claim_id
ORDER BY e.claim_id;
