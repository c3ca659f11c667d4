-- Store every expectation's result of a validation (registered as __validate_results).
INSERT INTO validation_results
    (run_id, suite, table_name, expectation, column_name, success, element_count, unexpected_count,
     observed_value)
SELECT run_id, suite, table_name, expectation, column_name, success, element_count, unexpected_count,
       observed_value
FROM __validate_results;
