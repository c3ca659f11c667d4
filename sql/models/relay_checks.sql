-- inputs: claim_facts
-- Relay fidelity: an attributed figure that differs from what its own source said elsewhere about the same
-- quantity at about the same time is the publishing outlet's error (a misquote, a digit lost), not the
-- source's. relayed_wrong when at least two claims of the same source (organisation root or identity),
-- in two other copy groups within $days days
-- (the same day for a running count), agree with each other and not with this one, and no other
-- claim of that source in that window agrees with it. witness_claim_id is one of them.
CREATE OR REPLACE TABLE relay_checks AS
WITH same_voice AS (
    SELECT
        x.claim_id,
        y.claim_id AS other_id,
        y.group_id,
        y.lo,
        y.hi,
        x.lo <= y.hi AND y.lo <= x.hi AS agrees
    FROM claim_facts x
    JOIN claim_facts y
      ON y.quantity_id = x.quantity_id
     AND y.claim_id <> x.claim_id
     AND y.attributed
     AND NOT y.is_recap
     AND y.group_id <> x.group_id
     AND (y.root_id = x.root_id OR coalesce(y.identity = x.identity, false))
     -- a running count (a toll) moves from day to day: only the same day's figures can show a misquote
     AND abs(date_diff('day', x.pub_lo, y.pub_lo)) <= CASE WHEN x.kind = 'count' THEN 0 ELSE $days END
    WHERE x.attributed AND NOT x.is_recap AND NOT x.is_projection
), supported AS (
    SELECT DISTINCT claim_id FROM same_voice WHERE agrees
), witnessed AS (
    SELECT a.claim_id, min(a.other_id) AS witness_claim_id
    FROM same_voice a
    JOIN same_voice b
      ON b.claim_id = a.claim_id AND b.other_id <> a.other_id AND b.group_id <> a.group_id
     AND a.lo <= b.hi AND b.lo <= a.hi
    WHERE NOT a.agrees AND NOT b.agrees
    GROUP BY a.claim_id
)
SELECT w.claim_id, true AS relayed_wrong, w.witness_claim_id
FROM witnessed w
WHERE w.claim_id NOT IN (SELECT claim_id FROM supported);
