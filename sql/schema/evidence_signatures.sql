-- What each claim's evidence was computed from, the last time claim_evidence and claim_outcomes were
-- written (corroborate/link/__init__.py build_outcomes): the claim's quantity and a hash of its row of
-- claim_signatures under the rules of that time. The next run computes evidence and outcomes again only
-- for the quantities of the claims whose hash differs, that are new, or that are gone.
CREATE TABLE IF NOT EXISTS evidence_signatures (
    claim_id     VARCHAR NOT NULL,
    quantity_id  VARCHAR,
    signature    UBIGINT NOT NULL
);
