-- Keep each claim's signature under the rules $rules, as claim_evidence and claim_outcomes now stand.
INSERT INTO evidence_signatures (claim_id, quantity_id, signature)
SELECT claim_id, quantity_id, hash(signature, $rules) FROM claim_signatures;
