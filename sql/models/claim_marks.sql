-- inputs: _claim_marks_input
-- Per claim, what its sentence says about time (corroborate/concepts.py, lexicon
-- corroborate/lexicons/revision_cues.csv): is_recap, the figure recalls an earlier one ("down from their
-- previous toll of 115"); is_correction, the figure replaces an earlier one that was wrong ("revised the
-- toll to 97"); is_beyond, the figure holds at an unstated horizon ("around 6 % in the medium term");
-- named_month, the month its own words name ("down from 2.9 % in January": 1), 0 for a time named relative
-- to another ("the previous month"), null when they name none.
-- Read by claim_quantities.sql and claim_facts.sql.
CREATE OR REPLACE TABLE claim_marks AS
SELECT CAST(claim_id AS VARCHAR) AS claim_id, CAST(is_recap AS BOOLEAN) AS is_recap,
       CAST(is_correction AS BOOLEAN) AS is_correction, CAST(is_beyond AS BOOLEAN) AS is_beyond,
       CAST(named_month AS INTEGER) AS named_month
FROM _claim_marks_input;
