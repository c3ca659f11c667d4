-- The quantities whose evidence and outcomes sql/models/claim_evidence.sql and claim_outcomes.sql compute.
-- At rest every quantity, so that either model run alone on the database (corroborate query --model) makes
-- the stored table again; while the link stage computes again the quantities a night touched, only those
-- (corroborate/link/__init__.py build_outcomes), within the transaction that replaces their rows.
CREATE TABLE IF NOT EXISTS evidence_scope (
    quantity_id  VARCHAR
);
