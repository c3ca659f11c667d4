-- How many quantities the outcome models are to compute (evidence_scope), and how many of today's
-- quantities they would leave as they are.
SELECT
    (SELECT count(*) FROM evidence_scope) AS touched,
    (SELECT count(DISTINCT s.quantity_id) FROM claim_signatures s
     WHERE NOT EXISTS (SELECT 1 FROM evidence_scope e WHERE e.quantity_id = s.quantity_id)) AS untouched;
