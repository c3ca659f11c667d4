-- The columns of the table or view named $name.
SELECT column_name FROM information_schema.columns
WHERE table_name = $name AND table_schema = current_schema();
