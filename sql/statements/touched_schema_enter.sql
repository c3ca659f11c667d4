-- The models that follow write their tables into the schema "touched", where they hold the rows of the
-- touched quantities only (_touched_quantities); what they read and "touched" lacks is read from main.
CREATE SCHEMA IF NOT EXISTS touched;
SET schema = 'touched';
