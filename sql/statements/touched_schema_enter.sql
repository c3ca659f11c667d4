-- The models that follow write their tables into the schema corroborate_touched, made here (so that no
-- schema of the user's is ever written to), where they hold the rows of the touched quantities only
-- (evidence_scope); what they read and that schema lacks is read from main.
CREATE SCHEMA corroborate_touched;
SET schema = 'corroborate_touched';
