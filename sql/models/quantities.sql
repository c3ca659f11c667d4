-- inputs: claim_quantities
-- The real-world numbers that claims speak of: one row per (subject, unit family, period).
CREATE OR REPLACE TABLE quantities AS
SELECT
    quantity_id,
    any_value(subject_key)  AS subject_key,
    any_value(unit_family)  AS unit_family,
    any_value(period_start) AS period_start,
    any_value(period_end)   AS period_end,
    concat_ws(' · ', mode(label), any_value(unit_family),
        CASE WHEN any_value(period_start) IS NOT NULL OR any_value(period_end) IS NOT NULL
             THEN coalesce(CAST(any_value(period_start) AS VARCHAR), '…') || ' to '
                  || coalesce(CAST(any_value(period_end) AS VARCHAR), '…')
        END) AS label,
    count(*) AS claims
FROM claim_quantities
GROUP BY quantity_id;
