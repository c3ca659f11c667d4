-- Every quantity in the scope of the outcome models: a full rebuild, and the table at rest.
INSERT INTO evidence_scope SELECT DISTINCT quantity_id FROM claim_signatures;
