-- The report's links between figures: a claim and a piece of its evidence, for the relations $relations
-- (corroborate.report.data.LINK_RELATIONS), one row each.
SELECT DISTINCT claim_id, evidence_claim_id, relation
FROM claim_explanations
WHERE evidence_claim_id IS NOT NULL AND list_contains($relations, relation)
ORDER BY claim_id, evidence_claim_id, relation;
