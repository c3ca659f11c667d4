-- The evidence and outcomes of the touched quantities (evidence_scope) replace their rows in main:
-- the rows of every claim that is, or was when they were last computed (evidence_signatures), on one of
-- them go, and the rows the models made in the schema corroborate_touched come in; that schema goes.
CREATE TABLE corroborate_touched.replaced_claims AS
SELECT claim_id FROM main.evidence_signatures WHERE quantity_id IN (SELECT quantity_id FROM main.evidence_scope)
UNION
SELECT claim_id FROM main.claim_signatures WHERE quantity_id IN (SELECT quantity_id FROM main.evidence_scope);
DELETE FROM main.claim_evidence WHERE claim_id IN (SELECT claim_id FROM corroborate_touched.replaced_claims);
INSERT INTO main.claim_evidence BY NAME SELECT * FROM corroborate_touched.claim_evidence;
DELETE FROM main.claim_outcomes WHERE claim_id IN (SELECT claim_id FROM corroborate_touched.replaced_claims);
INSERT INTO main.claim_outcomes BY NAME SELECT * FROM corroborate_touched.claim_outcomes;
DROP TABLE corroborate_touched.replaced_claims;
DROP TABLE corroborate_touched.claim_outcomes;
DROP TABLE corroborate_touched.claim_evidence;
DROP SCHEMA corroborate_touched;
