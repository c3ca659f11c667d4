-- The quantities whose evidence and outcomes must be computed again: those of every claim whose signature
-- (claim_signatures, hashed with the rules $rules) differs from the one stored when they were last computed
-- (evidence_signatures), that is new, or that is gone. A claim that moved to another quantity touches both.
INSERT INTO evidence_scope
WITH changed AS (
    SELECT n.quantity_id AS now_in, o.quantity_id AS was_in
    FROM claim_signatures n
    FULL JOIN evidence_signatures o ON o.claim_id = n.claim_id
    WHERE o.signature IS DISTINCT FROM hash(n.signature, $rules)
)
SELECT now_in AS quantity_id FROM changed WHERE now_in IS NOT NULL
UNION
SELECT was_in FROM changed WHERE was_in IS NOT NULL;
