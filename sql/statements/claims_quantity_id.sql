-- claims.quantity_id is set by the link stage from claim_quantities.
UPDATE claims
SET quantity_id = cq.quantity_id
FROM claim_quantities cq
WHERE claims.claim_id = cq.claim_id
  AND claims.quantity_id IS DISTINCT FROM cq.quantity_id;
