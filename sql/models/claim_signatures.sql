-- inputs: claim_facts, article_copies, story_pairs, source_tree, claim_identities
-- One row per claim: a hash of everything claim_evidence.sql reads about it, so that a run can tell which
-- quantities' evidence may have changed since the last (sql/statements/touched_quantities.sql). The rules
-- compare claims only within one quantity, so what they read of the claim's surroundings counts only as
-- far as it reaches the same quantity:
--   its row of claim_facts (every column but group_id);
--   the articles of its copy group (group_id) holding a figure on the quantity: the rules only ask whether
--     two claims of the quantity share a group, and a group's id may change when a new article joins it;
--   its article's copy pairs (article_copies) with the articles holding a figure on the quantity;
--   for a general concept (scoped), its article's story pairs (story_pairs) with those articles;
--   its source's line (source_tree, up and down) among the sources with a figure on the quantity;
--   the bodies its sentence names (claim_identities.names; its identity is in claim_facts).
-- A copy pair, story pair or source line that changes between two articles or sources of a quantity thus
-- changes the signature of a claim on it, even when no new claim joins the quantity.
CREATE OR REPLACE TABLE claim_signatures AS
WITH present AS (
    SELECT DISTINCT quantity_id, article_id FROM claim_facts
), speakers AS (
    SELECT DISTINCT quantity_id, source_id FROM claim_facts
), copy_pairs AS (
    SELECT article_id, copy_of_article_id AS other_id FROM article_copies
    UNION
    SELECT copy_of_article_id, article_id FROM article_copies
), copies AS (
    SELECT p.quantity_id, p.article_id, list(cp.other_id ORDER BY cp.other_id) AS others
    FROM present p
    JOIN copy_pairs cp ON cp.article_id = p.article_id
    JOIN present o ON o.quantity_id = p.quantity_id AND o.article_id = cp.other_id
    GROUP BY p.quantity_id, p.article_id
), stories AS (
    SELECT p.quantity_id, p.article_id, list(DISTINCT sp.other_id ORDER BY sp.other_id) AS others
    FROM present p
    JOIN story_pairs sp ON sp.article_id = p.article_id
    JOIN present o ON o.quantity_id = p.quantity_id AND o.article_id = sp.other_id
    GROUP BY p.quantity_id, p.article_id
), mates AS (
    SELECT quantity_id, group_id, list(DISTINCT article_id ORDER BY article_id) AS articles
    FROM claim_facts
    GROUP BY quantity_id, group_id
), line AS (
    SELECT source_id, ancestor_id AS kin_id FROM source_tree
    UNION
    SELECT ancestor_id, source_id FROM source_tree
), kin AS (
    SELECT s.quantity_id, s.source_id, list(l.kin_id ORDER BY l.kin_id) AS kin
    FROM speakers s
    JOIN line l ON l.source_id = s.source_id
    JOIN speakers k ON k.quantity_id = s.quantity_id AND k.source_id = l.kin_id
    GROUP BY s.quantity_id, s.source_id
)
SELECT
    f.claim_id,
    f.quantity_id,
    hash(r, m.articles, c.others, CASE WHEN f.scoped THEN s.others END, k.kin, ci.names) AS signature
FROM claim_facts f
JOIN (SELECT * EXCLUDE (group_id) FROM claim_facts) r ON r.claim_id = f.claim_id
JOIN mates m ON m.quantity_id = f.quantity_id AND m.group_id = f.group_id
LEFT JOIN copies c ON c.quantity_id = f.quantity_id AND c.article_id = f.article_id
LEFT JOIN stories s ON s.quantity_id = f.quantity_id AND s.article_id = f.article_id
LEFT JOIN kin k ON k.quantity_id = f.quantity_id AND k.source_id = f.source_id
LEFT JOIN claim_identities ci ON ci.claim_id = f.claim_id;
