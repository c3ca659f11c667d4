-- inputs: _sources_input
-- Canonical sources: one row per person, institution or outlet, with the affiliation tree.
-- Rebuilt on every run from seeds/aliases.csv and every name met in claims and articles
-- (corroborate/sources.py registers _sources_input), so an edit of the alias file takes effect on the
-- next run; source_id is a hash of kind and name, stable from run to run.
CREATE OR REPLACE TABLE sources AS
SELECT
    CAST(source_id AS VARCHAR) AS source_id,
    CAST(name AS VARCHAR)      AS name,
    CAST(kind AS VARCHAR)      AS kind,       -- official | outlet
    CAST(parent_id AS VARCHAR) AS parent_id,  -- the organisation above it; NULL for a root
    CAST(root_id AS VARCHAR)   AS root_id,    -- the top of its tree: claims with the same root are not independent
    CAST(depth AS INTEGER)     AS depth,      -- 0 for a root
    CAST(named AS BOOLEAN)     AS named       -- names a person or body, not a kind of speaker (corroborate/naming.py)
FROM _sources_input
ORDER BY source_id;
