-- How many claims' signatures are kept from the last computed evidence (none: compute every quantity).
SELECT count(*) FROM evidence_signatures;
