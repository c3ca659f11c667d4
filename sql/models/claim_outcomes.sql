-- inputs: claim_evidence, claim_facts, evidence_scope
-- Each claim's outcome, the claim that decided it, and why (DESIGN.md: corroborated, revised, unresolved).
-- In order:
--   1. a forecast is corroborated when a later independent figure reaches it, revised when a figure
--      published after its horizon falls short or a later independent one far overshoots it, else
--      unresolved;
--   2. revised when the source's own latest later word on the quantity is incompatible (the source
--      corrected itself: what others said in between agreed with a figure it withdrew);
--   3. revised when a later independent incompatible figure is backed by an independent figure of its own
--      (neither withdrawn by its source) and is later than every corroboration: it is the figure that stands;
--   4. corroborated when an independent compatible figure came at the same time or later;
--   5. unresolved otherwise: no later evidence, only an unbacked contradiction, or agreement that proves
--      nothing (held back: a relay of it, or the same number while the count was disputed).
-- Only the claims of the quantities of evidence_scope (claim_evidence.sql holds their evidence).
CREATE OR REPLACE TABLE claim_outcomes AS
WITH facts AS (
    SELECT * FROM claim_facts WHERE quantity_id IN (SELECT quantity_id FROM evidence_scope)
), ev AS (
    SELECT e.claim_id, e.evidence_claim_id, e.relation, e.rule, f.pub_lo AS ev_pub
    FROM claim_evidence e
    JOIN facts f ON f.claim_id = e.evidence_claim_id
), own_latest AS (
    SELECT claim_id,
           arg_max(evidence_claim_id, (ev_pub, evidence_claim_id)) AS by_claim,
           arg_max(relation, (ev_pub, evidence_claim_id))          AS relation
    FROM ev
    WHERE relation IN ('restates', 'corrects')
    GROUP BY claim_id
), withdrawn AS (
    SELECT claim_id, by_claim, 'corrects' AS rule FROM own_latest WHERE relation = 'corrects'
    UNION ALL
    SELECT claim_id, arg_max(evidence_claim_id, (ev_pub, evidence_claim_id)), arg_max(rule, (ev_pub, evidence_claim_id))
    FROM ev WHERE relation = 'supersedes' AND claim_id NOT IN (SELECT claim_id FROM own_latest WHERE relation = 'corrects')
    GROUP BY claim_id
), agreeing AS (
    SELECT claim_id AS backed_id, evidence_claim_id AS backer_id FROM ev WHERE relation = 'corroborates'
    UNION ALL
    SELECT evidence_claim_id, claim_id FROM ev WHERE relation = 'corroborates'
), backed AS (
    SELECT DISTINCT backed_id
    FROM agreeing
    WHERE backer_id NOT IN (SELECT claim_id FROM withdrawn)
      AND backed_id NOT IN (SELECT claim_id FROM withdrawn)
), support AS (
    SELECT claim_id,
           max(ev_pub) AS last_pub,
           arg_min(evidence_claim_id, (ev_pub, evidence_claim_id)) AS by_claim
    FROM ev WHERE relation = 'corroborates' GROUP BY claim_id
), overturn AS (
    SELECT ev.claim_id,
           max(ev_pub) AS last_pub,
           arg_max(evidence_claim_id, (ev_pub, evidence_claim_id)) AS by_claim
    FROM ev JOIN backed ON backed.backed_id = ev.evidence_claim_id
    WHERE relation = 'contradicts'
    GROUP BY ev.claim_id
), contradicted AS (
    SELECT DISTINCT claim_id FROM ev WHERE relation = 'contradicts'
), reached AS (
    SELECT claim_id, arg_min(evidence_claim_id, (ev_pub, evidence_claim_id)) AS by_claim
    FROM ev WHERE relation = 'reaches' GROUP BY claim_id
), missed AS (
    SELECT claim_id, arg_max(evidence_claim_id, (ev_pub, evidence_claim_id)) AS by_claim
    FROM ev WHERE relation = 'falls_short' GROUP BY claim_id
), overshot AS (
    SELECT claim_id, arg_min(evidence_claim_id, (ev_pub, evidence_claim_id)) AS by_claim
    FROM ev WHERE relation = 'contradicts' GROUP BY claim_id
), held_back AS (
    -- agreeing figures that prove nothing: a relay of it, or the same number while the count was disputed
    SELECT claim_id, bool_or(relation = 'disputed') AS disputed
    FROM ev WHERE relation IN ('relays', 'disputed') GROUP BY claim_id
), decided AS (
    SELECT
        c.claim_id,
        CASE
            WHEN w.claim_id IS NOT NULL THEN 'revised'
            WHEN c.is_projection AND r.claim_id IS NOT NULL THEN 'corroborated'
            WHEN c.is_projection AND (m.claim_id IS NOT NULL OR x.claim_id IS NOT NULL) THEN 'revised'
            WHEN c.is_projection THEN 'unresolved'
            WHEN w.claim_id IS NOT NULL THEN 'revised'
            WHEN o.claim_id IS NOT NULL AND (s.claim_id IS NULL OR o.last_pub > s.last_pub) THEN 'revised'
            WHEN s.claim_id IS NOT NULL THEN 'corroborated'
            ELSE 'unresolved'
        END AS outcome,
        CASE
            WHEN w.claim_id IS NOT NULL THEN w.by_claim
            WHEN c.is_projection THEN coalesce(r.by_claim, m.by_claim, x.by_claim)
            WHEN o.claim_id IS NOT NULL AND (s.claim_id IS NULL OR o.last_pub > s.last_pub) THEN o.by_claim
            ELSE s.by_claim
        END AS decided_by_claim_id,
        CASE
            WHEN w.rule = 'corrects' THEN 'its source later gave an incompatible figure'
            WHEN w.rule = 'recap' THEN 'its article recalls it and gives the figure that replaces it'
            WHEN w.rule = 'outturn' THEN 'the outturn published after its period, backed by another source, replaces it'
            WHEN w.claim_id IS NOT NULL THEN 'a later correction names it and replaces it'
            WHEN c.is_projection AND r.claim_id IS NOT NULL THEN 'forecast reached by a later independent figure'
            WHEN c.is_projection AND m.claim_id IS NOT NULL THEN 'forecast missed: a figure after its horizon falls short'
            WHEN c.is_projection AND x.claim_id IS NOT NULL THEN 'forecast missed: a later independent figure far exceeds it'
            WHEN c.is_projection THEN 'forecast not reached yet'
            WHEN o.claim_id IS NOT NULL AND (s.claim_id IS NULL OR o.last_pub > s.last_pub)
                THEN 'a later independent figure, backed by another source, contradicts it'
            WHEN s.claim_id IS NOT NULL THEN 'an independent source gave a compatible figure'
            WHEN k.claim_id IS NOT NULL THEN 'contradicted later by a figure no other source backs yet'
            WHEN h.disputed THEN 'held back: an independent figure agreed, but the count was disputed in between'
            WHEN h.claim_id IS NOT NULL THEN 'held back: the figure that agrees relays it (one of the two names the other as its source)'
            WHEN c.is_scale THEN 'a reading on a scale, not a count: no verdict'
            WHEN NOT c.named THEN 'no named source: a descriptor may be one body or two, so no verdict across articles'
            WHEN c.pub_lo IS NULL THEN 'publication date unknown: no verdict that depends on order'
            ELSE 'no independent evidence yet'
        END AS reason
    FROM facts c
    LEFT JOIN (SELECT claim_id, arg_min(by_claim, rule <> 'corrects') AS by_claim,
                      arg_min(rule, rule <> 'corrects') AS rule
               FROM withdrawn GROUP BY claim_id) w
        ON w.claim_id = c.claim_id
    LEFT JOIN support s     ON s.claim_id = c.claim_id
    LEFT JOIN overturn o    ON o.claim_id = c.claim_id
    LEFT JOIN contradicted k ON k.claim_id = c.claim_id
    LEFT JOIN held_back h   ON h.claim_id = c.claim_id
    LEFT JOIN reached r     ON r.claim_id = c.claim_id
    LEFT JOIN missed m      ON m.claim_id = c.claim_id
    LEFT JOIN overshot x    ON x.claim_id = c.claim_id AND c.is_projection
)
SELECT claim_id, outcome, decided_by_claim_id, reason
FROM decided;
