-- inputs: _source_aliases_input
-- Every spelling of every source: the alias file's, the canonical names, and the speaker strings met in
-- claims, each with the key it is matched on (accents, case, punctuation, leading articles and titles
-- removed: corroborate.sources.alias_key).
CREATE OR REPLACE TABLE source_aliases AS
SELECT
    CAST(alias AS VARCHAR)     AS alias,
    CAST(alias_key AS VARCHAR) AS alias_key,
    CAST(source_id AS VARCHAR) AS source_id
FROM _source_aliases_input
ORDER BY alias;
