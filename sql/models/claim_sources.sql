-- inputs: articles, claims, sources, _outlet_map, _placed_speakers, _speaker_map
-- Who each claim is credited to (source_id), the top of that source's tree (root_id) and the outlet
-- that published it (outlet_id). An unattributed figure is the outlet's own.
-- _speaker_map and _outlet_map are the distinct names resolved by corroborate/sources.py.
-- _placed_speakers credits a government's descriptor ("the government", "le ministère", "de l'Intérieur") in an
-- article placed in one country to that country's government (corroborate/sources.py).
CREATE OR REPLACE TABLE claim_sources AS
WITH credited AS (
    SELECT
        c.claim_id,
        CASE WHEN c.attributed THEN coalesce(ps.source_id, sm.source_id) ELSE om.source_id END AS source_id,
        om.source_id AS outlet_id
    FROM claims c
    JOIN articles a USING (article_id)
    JOIN _outlet_map om ON om.outlet = a.outlet
    LEFT JOIN _speaker_map sm
           ON c.attributed
          AND sm.source = coalesce(c.source, '')
          AND sm.source_org = coalesce(c.source_org, '')
    LEFT JOIN _placed_speakers ps
           ON c.attributed
          AND ps.article_id = c.article_id
          AND ps.source = coalesce(c.source, '')
          AND ps.source_org = coalesce(c.source_org, '')
)
SELECT cr.claim_id, cr.source_id, s.root_id, cr.outlet_id
FROM credited cr
JOIN sources s ON s.source_id = cr.source_id;
