-- Empty the scope of the outcome models (evidence_scope_every or evidence_scope_touched fills it).
DELETE FROM evidence_scope;
