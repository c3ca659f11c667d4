-- Store the rows a validation rejected (registered as __validate_rejects), with the failing expectations.
INSERT INTO rejects (run_id, stage, suite, expectation, table_name, row_key, row_json, reason)
SELECT run_id, stage, suite, expectation, table_name, row_key, row_json, reason FROM __validate_rejects;
