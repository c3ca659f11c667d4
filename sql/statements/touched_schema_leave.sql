-- Back to the main schema after the models of the touched quantities ran (touched_schema_enter).
SET schema = 'main';
