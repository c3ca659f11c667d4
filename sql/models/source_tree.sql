-- inputs: sources
-- Every (ancestor, descendant) pair of the affiliation tree, each source being its own ancestor at
-- distance 0: a parent's score counts the claims of everything under it.
CREATE OR REPLACE TABLE source_tree AS
WITH RECURSIVE tree(ancestor_id, source_id, distance) AS (
    SELECT source_id, source_id, 0 FROM sources
    UNION ALL
    SELECT s.parent_id, t.source_id, t.distance + 1
    FROM tree t
    JOIN sources s ON s.source_id = t.ancestor_id
    WHERE s.parent_id IS NOT NULL AND t.distance < 32
)
SELECT ancestor_id, source_id, distance FROM tree;
