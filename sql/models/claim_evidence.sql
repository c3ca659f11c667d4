-- inputs: article_copies, claim_facts, claim_identities, source_tree, story_pairs, evidence_scope
-- For each claim, the other claims on the same quantity that bear on it (forecasts are never evidence).
-- relation:
--   corroborates  independent (another organisation root, and another article outside its copy group:
--                 a headline restating its own lede is no second source) and compatible, published at the
--                 same time or later; for a running count (kind 'count'), within $count_days days
--   contradicts   independent and incompatible, published surely later
--   For a rate or total over a period (kind 'period'), corroborates and contradicts need the evidence to be
--   published after the period ended: before, two sources' figures are two forecasts.
--   restates      the source's own latest figure on the quantity, surely later, compatible
--   corrects      the source's own latest figure on the quantity, surely later, incompatible:
--                 the source changed its figure
--   "Own" follows the affiliation line and the institution's identity (claim_identities: the Interior
--   Ministry under its English and French names, every ministry of one government): the source itself, the organisations above it and those under it
--   (Washington's later word, or the Pentagon's, speaks for the US government; a spokesperson's for her
--   ministry). Two branches of one tree (the Pentagon and the State Department, or two spokespeople of
--   the Pentagon) are not the same source: neither corrects the other, nor corroborates it.
--   supersedes    the later figure that says it replaces this one: in the same article, a recap
--                 ("contre 4,4 % initialement prévu", "down from 115") against the figure that follows it;
--                 across articles, for a running count (kind 'count'), a later figure marked as a correction
--                 whose article recalls this figure ("revised to 97, down from 115"). A running count that
--                 merely grows, or a recap of an earlier day's count, supersedes nothing. For a rate or
--                 total over a period (kind 'period': a year's deficit), a later incompatible figure
--                 published after the period ended, that agrees with the latest figures published on the
--                 quantity (when those agree with each other) and is backed by an independent figure: whoever
--                 gives it, it is the outturn that now stands.
--   A general concept ("*deaths", scoped) says what is counted, not where: its claims meet only within one
--   article, between articles placed in one country (article_places), across a pair of articles of one
--   story when a place is unknown (story_pairs), or when their subjects have the same wording (wording_key).
--   copy          compatible, but from the same copy group: a copy corroborates nothing
--   relays        compatible and independent by name, but one of the two figures' sentences names the
--                 other's source ("11,300 dead, the UN said, citing the Red Crescent"; "the government's
--                 6.0 %, in line with INSEE's data"): a relay, or a figure set beside the other, is no
--                 second voice, so it neither corroborates nor backs it
--   disputed      (a running count, kind 'count') compatible and independent, published on two different
--                 days, but another attributed figure of the count, published in a third article between the
--                 two days (or on one of them), disagrees with it: the count moved or was contested in
--                 between, so the same number given again days later is a figure passed on, not a second
--                 count of the same day that confirms it (figures of one day are one as-of date: they
--                 corroborate each other whatever a third says)
--   reaches       (a forecast) an independent later figure reaches it, without overshooting it by more
--                 than $overshoot (relative)
--   contradicts   (a forecast) an independent figure, surely later and not after its horizon, overshoots
--                 it by more than $overshoot: "could reach 1 200" when 2 400 were counted was wrong
--   falls_short   (a forecast) a figure published after its horizon stays below it
-- Two rules hold before any relation: a reading on a scale (a quake's magnitude, is_scale) is no claim about
-- the world and bears on nothing; a claim whose source is a descriptor, not a name ("le ministère", "sources",
-- named = false) meets only the figures of its own article, since nothing tells whether two descriptors in two
-- articles are one body or two.
-- Cost stays linear: claims are compared only within one quantity, and in a quantity with many claims
-- only with those near them in time order (claims are numbered by publication date and cut into
-- buckets of $band; a claim meets the claims of its own and the two neighbouring buckets, i.e. at
-- least the $band published just before and after it). A source's own latest word is found over the
-- whole quantity by a GROUP BY per source, then over the few sources of its line, so a self-correction
-- is never missed.
-- Only the quantities of evidence_scope are computed (every one at rest and on a full rebuild; the link stage
-- computes again only those whose claims changed, corroborate/link/__init__.py build_outcomes): every
-- rule compares claims within one quantity, so a quantity's rows depend on its own claims alone.
CREATE OR REPLACE TABLE claim_evidence AS
WITH facts AS (
    SELECT * FROM claim_facts WHERE quantity_id IN (SELECT quantity_id FROM evidence_scope)
), final_figures AS (
    -- a rate or total for a period (kind 'period'): the latest figures published on it are the ones that stand
    SELECT f.quantity_id, f.lo, f.hi
    FROM facts f
    JOIN (SELECT quantity_id, max(pub_lo) AS last_pub FROM facts
          WHERE kind = 'period' AND NOT is_recap AND pub_lo IS NOT NULL GROUP BY quantity_id) l
      ON l.quantity_id = f.quantity_id AND l.last_pub = f.pub_lo
    WHERE NOT f.is_recap
), settled AS (
    -- the latest figures stand only when they agree: a fund's 6 % beside the government's 5.4 % target,
    -- published the same day, settles nothing
    SELECT quantity_id FROM final_figures GROUP BY quantity_id HAVING max(lo) <= min(hi)
), agreed AS (
    -- the interval every latest figure of a settled quantity agrees on
    SELECT quantity_id, max(lo) AS lo, min(hi) AS hi
    FROM final_figures JOIN settled USING (quantity_id)
    GROUP BY quantity_id
), backed_quantities AS (
    -- the figure that stands is backed by others: named figures of two roots in two copy groups (not
    -- recaps) meet the agreed interval; one voice alone replaces nobody else's figure
    SELECT f.quantity_id
    FROM facts f
    JOIN agreed g ON g.quantity_id = f.quantity_id AND f.lo <= g.hi AND g.lo <= f.hi
    WHERE f.named AND NOT f.is_recap
    GROUP BY f.quantity_id
    HAVING count(DISTINCT f.root_id) >= 2 AND count(DISTINCT f.group_id) >= 2
), standing AS (
    SELECT DISTINCT y.claim_id
    FROM facts y
    JOIN backed_quantities USING (quantity_id)
    JOIN final_figures ff ON ff.quantity_id = y.quantity_id AND y.lo <= ff.hi AND ff.lo <= y.hi
    WHERE y.named
), banded AS (
    -- Only the columns the rules read, and ids as 64-bit hashes where they are only compared (a wording
    -- key or an identity is free text): every candidate pair carries these, so they are kept narrow. The
    -- hashes keep nulls null, so that a comparison with a missing key stays unknown as before.
    SELECT
        f.claim_id, f.quantity_id, f.article_id, f.attributed, f.is_projection, f.value, f.value_low,
        f.lo, f.hi, f.horizon, f.pub_lo, f.pub_hi, f.is_recap, f.is_correction, f.scoped, f.place,
        f.unplaced, f.kind, f.named, f.is_scale,
        hash(f.group_id) AS group_key,
        CASE WHEN f.root_id IS NOT NULL THEN hash(f.root_id) END AS root_key,
        CASE WHEN f.wording_key IS NOT NULL THEN hash(f.wording_key) END AS wording_hash,
        CASE WHEN f.identity IS NOT NULL THEN hash(f.identity) END AS identity_hash,
        f.identity_key,
        st.claim_id IS NOT NULL AS standing,
        -- by the article's date: a recap (held before it) stays beside the figures of its own article
        (row_number() OVER (PARTITION BY f.quantity_id ORDER BY f.published_at, f.claim_id) - 1) // $band AS bucket
    FROM facts f
    LEFT JOIN standing st ON st.claim_id = f.claim_id
), copy_pairs AS (
    SELECT article_id, copy_of_article_id AS other_id FROM article_copies
    UNION
    SELECT copy_of_article_id, article_id FROM article_copies
), corrections AS (
    -- the articles that hold a figure marked as a correction, per quantity
    SELECT DISTINCT quantity_id, article_id FROM facts WHERE is_correction
), recalled AS (
    -- a count's later correction names the figure it replaces: x is recalled in y's article. The rules
    -- read this only for y a correction published after x (or beside x's recap in its own article), so
    -- only the recaps of such articles are paired with x: the sub-query no longer pairs every count with
    -- every recap of its quantity. One row per (claim, article): a flag, which multiplies no pair.
    SELECT DISTINCT x.claim_id, r.article_id
    FROM facts x
    JOIN facts r ON r.quantity_id = x.quantity_id AND r.is_recap AND r.lo <= x.hi AND x.lo <= r.hi
    JOIN corrections k ON k.quantity_id = r.quantity_id AND k.article_id = r.article_id
    WHERE x.kind = 'count' AND r.claim_id <> x.claim_id
      AND (r.published_at > x.pub_hi OR r.article_id = x.article_id)
), latest_by_source AS (
    -- a recap is never a source's latest word; a forecast or target is, when the source changes it
    SELECT quantity_id, source_id, arg_max(claim_id, (pub_lo, claim_id)) AS latest_id, max(pub_lo) AS latest_pub
    FROM facts
    WHERE pub_lo IS NOT NULL AND NOT is_recap
    GROUP BY quantity_id, source_id
), line AS (
    SELECT source_id, ancestor_id AS kin_id FROM source_tree
    UNION
    SELECT ancestor_id, source_id FROM source_tree
), latest_by_identity AS (
    SELECT quantity_id, identity, arg_max(claim_id, (pub_lo, claim_id)) AS latest_id, max(pub_lo) AS latest_pub
    FROM facts
    WHERE pub_lo IS NOT NULL AND NOT is_recap AND identity IS NOT NULL
    GROUP BY quantity_id, identity
), own_candidates AS (
    SELECT x.claim_id, l.latest_id, l.latest_pub
    FROM facts x
    JOIN line ON line.source_id = x.source_id
    JOIN latest_by_source l ON l.quantity_id = x.quantity_id AND l.source_id = line.kin_id
    UNION ALL
    SELECT x.claim_id, l.latest_id, l.latest_pub
    FROM facts x
    JOIN latest_by_identity l ON l.quantity_id = x.quantity_id AND l.identity = x.identity
), latest_own AS (
    SELECT claim_id, arg_max(latest_id, (latest_pub, latest_id)) AS latest_id
    FROM own_candidates
    GROUP BY claim_id
), own AS (
    SELECT
        x.claim_id,
        y.claim_id AS evidence_claim_id,
        CASE
            WHEN x.lo <= y.hi AND y.lo <= x.hi THEN 'restates'
            -- a running count that grows is not corrected by its next figure; it is when the source's later
            -- figure says it corrects an earlier one and recalls this one, or corrects it downward below it
            -- ("police revised the toll down to 97": their 115 of before was wrong, whether recalled or not)
            WHEN x.kind = 'count' AND NOT (y.is_correction AND (rc.claim_id IS NOT NULL OR y.hi < x.lo)) THEN NULL
            ELSE 'corrects'
        END AS relation
    FROM facts x
    JOIN latest_own l ON l.claim_id = x.claim_id
    JOIN facts y ON y.claim_id = l.latest_id
    LEFT JOIN recalled rc ON rc.claim_id = x.claim_id AND rc.article_id = y.article_id
    WHERE y.pub_lo > x.pub_hi AND NOT x.is_recap
      AND NOT x.is_scale AND (x.named AND y.named OR x.article_id = y.article_id)
), partners AS (
    -- What each claim's article is paired with, as lists on the claim: its copy pairs, for a general
    -- concept its story pairs, and the articles that recall it. A pair of claims then looks its two
    -- articles up with list_contains, so the candidate pairs go through no join after the one that makes
    -- them (a join there hashed the candidate pairs, whose number grows with the band times the claims).
    SELECT b.*, cpl.others AS copy_others, spl.others AS story_others, rcl.articles AS recalled_in
    FROM banded b
    LEFT JOIN (SELECT article_id, list(other_id) AS others FROM copy_pairs GROUP BY article_id) cpl
      ON cpl.article_id = b.article_id
    LEFT JOIN (SELECT article_id, list(other_id) AS others FROM story_pairs GROUP BY article_id) spl
      ON spl.article_id = b.article_id AND b.scoped
    LEFT JOIN (SELECT claim_id, list(article_id) AS articles FROM recalled GROUP BY claim_id) rcl
      ON rcl.claim_id = b.claim_id
), near AS (
    SELECT *, unnest([bucket - 1, bucket, bucket + 1]) AS near_bucket FROM partners
), pairs AS (
    SELECT
        x.claim_id,
        y.claim_id AS evidence_claim_id,
        x.is_projection,
        -- a scale bears on nothing; a descriptor meets only its own article's figures
        NOT x.is_scale AND (x.named AND y.named OR x.article_id = y.article_id) AS voiced,
        x.root_key = y.root_key OR coalesce(x.identity_hash = y.identity_hash, false)
            -- a body whose country is not read ("?:government") may be the placed one of the same name
            OR coalesce(x.identity_key = y.identity_key AND (x.unplaced OR y.unplaced), false) AS same_root,
        -- an outlet's own unattributed figure relays somebody: it backs no attributed claim; a recap
        -- ("anticipated at 6 % before") recalls an earlier figure and backs nothing either
        (y.attributed OR NOT x.attributed) AND NOT y.is_recap AS can_back,
        -- another copy group, and no copy pair between the two articles (a weak pair joins no group)
        x.group_key <> y.group_key AND NOT coalesce(list_contains(x.copy_others, y.article_id), false) AS separate,
        -- a running count holds for its day: figures days apart are not the same count
        x.kind IS DISTINCT FROM 'count' OR abs(date_diff('day', x.pub_lo, y.pub_lo)) <= $count_days AS same_time,
        x.lo <= y.hi AND y.lo <= x.hi AS compatible,
        coalesce(y.pub_lo > x.pub_hi, false)
            OR (x.article_id = y.article_id AND x.is_recap AND NOT y.is_recap) AS later,
        -- a running count's reports a few days apart speak of the same count, whichever came first
        coalesce(y.pub_hi >= x.pub_lo, x.article_id = y.article_id)
            OR coalesce(x.kind = 'count' AND abs(date_diff('day', x.pub_lo, y.pub_lo)) <= $count_days, false)
            AS not_earlier,
        x.article_id = y.article_id AND x.is_recap AND NOT y.is_recap
            AND (x.kind IS DISTINCT FROM 'count' OR y.is_correction) AS recap_replaced,
        x.kind = 'count' AND y.is_correction AND coalesce(list_contains(x.recalled_in, y.article_id), false)
            AS count_corrected,
        x.kind IS DISTINCT FROM 'count' AS revisable,
        -- a rate or total for a period (a year's deficit) is settled by what is said once the period is
        -- over: before that, two sources' figures are two forecasts, and neither corroborates nor
        -- contradicts the other (a plan restated by a second body is not evidence about the world)
        x.kind IS DISTINCT FROM 'period' OR coalesce(x.horizon, y.horizon) IS NULL
            OR coalesce(y.pub_lo > coalesce(x.horizon, y.horizon), false) AS after_period,
        -- another source's figure replaces this one only once the period is over (an outturn): two
        -- forecasts of one year by two sources are two opinions, and neither revises the other
        x.kind = 'period' AND y.standing
            AND coalesce(y.pub_lo > coalesce(x.horizon, y.horizon), false) AS replaced_by_standing,
        y.value >= x.value_low - $slack * abs(x.value_low) AS reaches,
        y.value > x.hi + $overshoot * abs(x.hi) AS overshoots,
        x.horizon IS NOT NULL AND y.pub_lo > x.horizon AS after_horizon
    FROM near x
    JOIN banded y
      ON y.quantity_id = x.quantity_id
     AND y.bucket = x.near_bucket
     AND y.claim_id <> x.claim_id
     AND NOT y.is_projection
    WHERE (NOT x.scoped OR x.article_id = y.article_id OR x.wording_hash = y.wording_hash
       OR x.place = y.place
       OR ((x.place IS NULL OR y.place IS NULL) AND coalesce(list_contains(x.story_others, y.article_id), false)))
), related AS (
    SELECT
        claim_id,
        evidence_claim_id,
        CASE
            WHEN NOT voiced THEN NULL
            WHEN recap_replaced AND NOT compatible THEN 'supersedes'
            WHEN replaced_by_standing AND NOT compatible AND later THEN 'supersedes'
            WHEN is_projection THEN CASE
                -- an outlet's own figure relays somebody: it neither reaches nor misses a forecast
                WHEN NOT separate OR NOT not_earlier OR NOT can_back THEN NULL
                WHEN same_root THEN CASE WHEN NOT reaches AND after_horizon THEN 'falls_short' END
                WHEN overshoots AND later AND NOT after_horizon THEN 'contradicts'
                WHEN reaches AND NOT overshoots THEN 'reaches'
                WHEN NOT reaches AND after_horizon THEN 'falls_short'
            END
            WHEN same_root THEN NULL
            WHEN NOT separate THEN CASE WHEN compatible AND not_earlier THEN 'copy' END
            WHEN compatible AND not_earlier AND same_time AND can_back AND after_period THEN 'corroborates'
            WHEN NOT compatible AND later AND count_corrected THEN 'supersedes'
            WHEN NOT compatible AND later AND revisable AND after_period THEN 'contradicts'
        END AS relation,
        -- which rule made a 'supersedes' (eval prints per rule how often it was right)
        CASE
            WHEN recap_replaced AND NOT compatible THEN 'recap'
            WHEN replaced_by_standing AND NOT compatible AND later THEN 'outturn'
            WHEN count_corrected THEN 'correction'
        END AS supersede_rule
    FROM pairs
), naming AS (
    -- the key of each claim's body, and the other bodies its sentence names (claim_identities)
    SELECT claim_id, substr(identity, strpos(identity, ':') + 1) AS own_key, names FROM claim_identities
), relayed AS (
    -- a compatible figure whose sentence names the other's body (or the other way round) relays it
    SELECT r.claim_id, r.evidence_claim_id
    FROM related r
    JOIN naming nx ON nx.claim_id = r.claim_id
    JOIN naming ny ON ny.claim_id = r.evidence_claim_id
    WHERE r.relation IN ('corroborates', 'reaches')
      AND (list_contains(ny.names, nx.own_key) OR list_contains(nx.names, ny.own_key))
), count_pairs AS (
    SELECT r.claim_id, r.evidence_claim_id, x.quantity_id, x.lo, x.hi, x.place, x.scoped, x.wording_key,
           x.article_id AS x_article, y.article_id AS y_article,
           least(x.pub_lo, y.pub_lo) AS first_day, greatest(x.pub_lo, y.pub_lo) AS last_day
    FROM related r
    JOIN facts x ON x.claim_id = r.claim_id
    JOIN facts y ON y.claim_id = r.evidence_claim_id
    WHERE r.relation = 'corroborates' AND x.kind = 'count' AND x.pub_lo <> y.pub_lo
), disputed AS (
    -- a third article's figure of the count, between the two (or on their day), that disagrees with them;
    -- a general concept's figure counts there only from the same place (or the same wording)
    SELECT DISTINCT p.claim_id, p.evidence_claim_id
    FROM count_pairs p
    JOIN facts z
      ON z.quantity_id = p.quantity_id
     AND z.pub_lo BETWEEN p.first_day AND p.last_day
     AND z.article_id NOT IN (p.x_article, p.y_article)
     AND z.attributed AND NOT z.is_recap AND NOT z.is_projection AND NOT z.is_scale
     AND NOT (z.lo <= p.hi AND p.lo <= z.hi)
    WHERE NOT p.scoped OR z.place = p.place OR z.wording_key = p.wording_key
), ruled AS (
    -- rule: the relation, or for 'supersedes' the rule that made it (recap, outturn, correction)
    SELECT r.claim_id, r.evidence_claim_id,
           CASE WHEN rl.claim_id IS NOT NULL THEN 'relays' WHEN d.claim_id IS NOT NULL THEN 'disputed'
                ELSE r.relation END AS relation,
           CASE WHEN rl.claim_id IS NOT NULL THEN 'relays' WHEN d.claim_id IS NOT NULL THEN 'disputed'
                WHEN r.relation = 'supersedes' THEN r.supersede_rule ELSE r.relation END AS rule
    FROM related r
    LEFT JOIN relayed rl ON rl.claim_id = r.claim_id AND rl.evidence_claim_id = r.evidence_claim_id
    LEFT JOIN disputed d ON d.claim_id = r.claim_id AND d.evidence_claim_id = r.evidence_claim_id
)
SELECT claim_id, evidence_claim_id, relation, rule FROM ruled WHERE relation IS NOT NULL
UNION ALL
SELECT claim_id, evidence_claim_id, relation, relation AS rule FROM own;
