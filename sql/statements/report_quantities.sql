-- The report's quantities: what each counts (subject_key, label), its unit family and period.
SELECT quantity_id, subject_key, label, unit_family, period_start, period_end
FROM quantities
ORDER BY quantity_id;
