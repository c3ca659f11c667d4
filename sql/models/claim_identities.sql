-- inputs: _claim_identities_input
-- Each attributed claim's institution identity: the country of its article and the key of its
-- organisation's (or speaker's) name, so that one institution is one identity under its names and in
-- both languages (corroborate/link/identity.py). Claims of one identity are not independent, and a later
-- figure of the same identity is the institution's own latest word (claim_evidence.sql).
-- names: the keys of the other bodies its sentence names ("11,300 dead, the UN said, citing the Red
-- Crescent"): a figure that names another body relays it or sets itself beside it, so it is no second
-- voice for that body's figures (claim_evidence.sql, relation 'relays').
CREATE OR REPLACE TABLE claim_identities AS
SELECT CAST(claim_id AS VARCHAR) AS claim_id, CAST(identity AS VARCHAR) AS identity,
       CAST(names AS VARCHAR[]) AS names
FROM _claim_identities_input;
