-- Whether a table or view named $name exists in the current schema.
SELECT count(*) FROM information_schema.tables
WHERE table_name = $name AND table_schema = current_schema();
