-- The result of every expectation of every suite in every run.
CREATE TABLE IF NOT EXISTS validation_results (
    run_id            VARCHAR NOT NULL,
    suite             VARCHAR NOT NULL,
    table_name        VARCHAR NOT NULL,
    expectation       VARCHAR NOT NULL,
    column_name       VARCHAR,
    success           BOOLEAN NOT NULL,
    element_count     BIGINT,
    unexpected_count  BIGINT,
    observed_value    VARCHAR,
    validated_at      TIMESTAMP NOT NULL DEFAULT current_timestamp
);
