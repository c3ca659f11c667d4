-- Forget the signatures of the last computed evidence (evidence_signatures_insert writes the new ones).
DELETE FROM evidence_signatures;
