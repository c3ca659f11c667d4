-- Who each claim is credited to (source_id), the top of that source's tree (root_id) and the outlet
-- that published it (outlet_id). An unattributed figure is the outlet's own.
-- _speaker_map and _outlet_map are the distinct names resolved by corroborate/sources.py.
CREATE OR REPLACE TABLE claim_sources AS
SELECT
    c.claim_id,
    CASE WHEN c.attributed THEN sm.source_id ELSE om.source_id END AS source_id,
    s.root_id,
    om.source_id AS outlet_id
FROM claims c
JOIN articles a USING (article_id)
JOIN _outlet_map om ON om.outlet = a.outlet
LEFT JOIN _speaker_map sm
       ON c.attributed
      AND sm.source = coalesce(c.source, '')
      AND sm.source_org = coalesce(c.source_org, '')
JOIN sources s ON s.source_id = CASE WHEN c.attributed THEN sm.source_id ELSE om.source_id END;
