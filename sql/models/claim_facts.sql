-- inputs: claims, article_dates, article_groups, article_places, claim_identities, claim_marks, claim_quantities, claim_sources, sources, _concept_kinds
-- One row per claim with everything the outcome rules look at.
--   lo, hi: the figure's interval with the tolerance its qualifier allows. The extractor widens
--     approx / at_least / at_most figures; one left as a point is widened here ($approx_width either side
--     for approx, up to x$at_least_span for at_least, down to x$at_most_span for at_most). A percentage
--     or a running count is read from its figure whatever the extractor widened: $approx_width_ratio
--     either side, up to x$ratio_at_least_span / x$count_at_least_span, down to x$ratio_at_most_span /
--     x$count_at_most_span; a forecast by the qualifier inside it. Every interval gets a relative $slack on both ends ($slack_ratio for a
--     percentage), so "environ 10 000" meets "plus de 10.000" while "jusqu'à 3 000" never meets 10 000.
--   pub_lo, pub_hi: when the figure held (article_dates: an undated copy holds its dispatch's date): the article's day, or its whole month or year for a coarser
--     date; a recap ("down from 115") held before the article's date. "Later" means surely later
--     (pub_lo > other's pub_hi), "at the same time or later" means possibly (pub_hi >= other's pub_lo).
--     Both are null when the article's date is unknown: such a claim takes part in no verdict that
--     depends on order, except against the other figures of its own article (claim_evidence.sql).
--   kind: 'count' or 'period' for a general concept (corroborate/lexicons/concepts.csv), else null;
--     scoped: the quantity is a general concept, compared only within one story.
--   group_id: the article's copy group (article_groups); root_id: the top of the source's tree;
--   identity: the institution behind the claim across its names and languages (claim_identities).
--   named: the source names a person or body (sources.named); is_scale: a reading on a scale (kind 'scale').
CREATE OR REPLACE TABLE claim_facts AS
WITH stated AS (
    SELECT
        c.claim_id, c.article_id, c.attributed, c.qualifier, c.value, c.period_end,
        least(c.value_low, c.value_high)    AS value_low,
        greatest(c.value_low, c.value_high) AS value_high,
        -- A rate ("about 5 % of GDP") and a running toll ("at least 2,012 dead") are stated close to their
        -- real value: their tolerance comes from the figure itself, not from a headcount's wide reading of
        -- the qualifier (a toll read as up to 1.5x would agree with the next days' higher tolls).
        CASE
            WHEN c.unit = 'percent' THEN 'rate'
            WHEN ck.kind = 'count' THEN 'toll'
        END AS tight,
        CASE WHEN c.unit = 'percent' THEN $slack_ratio ELSE $slack END AS slack,
        -- half the unit of the figure's last stated digit ("112.3 %": 0.05, "1,037": 0.5, "10 100": 50,
        -- "1,1 million": 50,000): a figure given to that precision means no more. Null when the written
        -- digits do not give the value by a power of ten (a number in words, "2 thousand 12").
        0.5 * u.last_digit
            -- trailing zeros of a whole number say nothing of its precision ("10,000" may be rounded)
            * CASE WHEN u.last_digit >= 1 THEN pow(10, length(d.digits) - length(rtrim(d.digits, '0'))) ELSE 1 END
            AS rounding,
        -- a forecast keeps the interval of its own qualifier ("pourrait dépasser 6 %": 6 to 12, "will
        -- remain around 6 %": 4.8 to 7.2): a forecast rate reads that qualifier from the interval's shape
        CASE
            WHEN c.qualifier <> 'projection' OR c.value IS NULL OR c.unit <> 'percent' THEN c.qualifier
            WHEN c.value_low < c.value AND c.value < c.value_high THEN 'approx'
            WHEN c.value_low < c.value_high AND c.value_low >= c.value THEN 'at_least'
            WHEN c.value_low < c.value_high AND c.value_high <= c.value THEN 'at_most'
            ELSE 'exact'
        END AS stated_as
    FROM claims c
    -- the digits of the figure's first written number, separators dropped
    CROSS JOIN LATERAL (
        SELECT regexp_replace(regexp_extract(c.text, '\d(?:[\d.,\s\x{00a0}\x{202f}'']*\d)?'), '[^0-9]', '', 'g')
            AS digits
    ) d
    -- what the last written digit is worth: the value over its digits read as one whole number, when that is
    -- a power of ten ("112.3": 0.1; "1,1 million": 100,000); null for a number in words or "2 thousand 12"
    CROSS JOIN LATERAL (
        SELECT CASE WHEN abs(r.ratio - r.step) <= 1e-6 * r.step THEN r.step END AS last_digit
        FROM (
            SELECT q.ratio, pow(10, round(log10(nullif(q.ratio, 0)))) AS step
            FROM (SELECT abs(c.value) / nullif(CAST(nullif(d.digits, '') AS DOUBLE), 0) AS ratio) q
        ) r
    ) u
    JOIN claim_quantities cq USING (claim_id)
    LEFT JOIN _concept_kinds ck ON '*' || ck.concept = cq.subject_key
), recalled AS (
    -- A recap cue makes a figure an earlier statement only when its article gives the figure that replaces
    -- it (the same quantity): "contre 4,9 % initialement prévu" beside the 5,5 % it gave way to. With no
    -- such figure the recap is the article's own word on another time ("up from 5.4 % in 2023" in a story
    -- on 2024): a current statement about that time, dated like the article.
    SELECT m.claim_id
    FROM claim_marks m
    JOIN claims c USING (claim_id)
    JOIN claim_quantities cq USING (claim_id)
    WHERE m.is_recap
      AND EXISTS (
          SELECT 1
          FROM claims o
          JOIN claim_quantities oq USING (claim_id)
          LEFT JOIN claim_marks om USING (claim_id)
          WHERE o.article_id = c.article_id AND oq.quantity_id = cq.quantity_id AND NOT coalesce(om.is_recap, false)
      )
), widened AS (
    SELECT *,
        CASE
            WHEN tight IS NOT NULL AND stated_as = 'approx' THEN value - $approx_width_ratio * abs(value)
            WHEN tight = 'rate' AND stated_as = 'at_most' THEN value * $ratio_at_most_span
            WHEN tight = 'toll' AND stated_as = 'at_most' THEN value * $count_at_most_span
            WHEN tight IS NOT NULL AND stated_as = 'at_least' THEN value
            WHEN value_low < value_high THEN value_low
            WHEN qualifier = 'approx' THEN value_low - $approx_width * abs(value_low)
            WHEN qualifier = 'at_most' THEN value_high * $at_most_span
            ELSE value_low
        END AS w_low,
        CASE
            WHEN tight IS NOT NULL AND stated_as = 'approx' THEN value + $approx_width_ratio * abs(value)
            WHEN tight = 'rate' AND stated_as = 'at_least' THEN value * $ratio_at_least_span
            WHEN tight = 'toll' AND stated_as = 'at_least' THEN value * $count_at_least_span
            WHEN tight IS NOT NULL AND stated_as = 'at_most' THEN value
            WHEN value_low < value_high THEN value_high
            WHEN qualifier = 'approx' THEN value_high + $approx_width * abs(value_high)
            WHEN qualifier = 'at_least' THEN value_low * $at_least_span
            ELSE value_high
        END AS w_high
    FROM stated
)
SELECT
    w.claim_id,
    cq.quantity_id,
    w.article_id,
    coalesce(g.group_id, w.article_id) AS group_id,
    cs.source_id,
    cs.root_id,
    cs.outlet_id,
    w.attributed,
    -- a forecast of a rate or total for a period (a year's deficit) is judged like any figure for that
    -- period; "reaches" and "overshoots" are for counts still growing toward a forecast
    w.qualifier = 'projection' AND ck.kind IS DISTINCT FROM 'period' AS is_projection,
    w.value,
    w.value_low,
    -- the slack never reaches past the figure's stated precision: "112.3 %" does not meet "112.7 %"
    least(w.w_low, w.w_high)
        - least(w.slack * abs(least(w.w_low, w.w_high)), coalesce(w.rounding, 'Infinity'::DOUBLE))    AS lo,
    greatest(w.w_low, w.w_high)
        + least(w.slack * abs(greatest(w.w_low, w.w_high)), coalesce(w.rounding, 'Infinity'::DOUBLE)) AS hi,
    w.period_end AS horizon,
    CASE WHEN rc.claim_id IS NOT NULL AND a.published_at IS NOT NULL THEN DATE '0001-01-01'
         ELSE a.published_at END AS pub_lo,
    CASE
        WHEN rc.claim_id IS NOT NULL THEN a.published_at - INTERVAL 1 DAY
        WHEN a.published_precision = 'month' THEN last_day(a.published_at)
        WHEN a.published_precision = 'year' THEN make_date(year(a.published_at), 12, 31)
        ELSE a.published_at
    END::DATE AS pub_hi,
    a.published_at,
    rc.claim_id IS NOT NULL AS is_recap,
    coalesce(m.is_correction, false) AS is_correction,
    starts_with(cq.subject_key, '*') AS scoped,
    cq.wording_key,
    ap.country AS place,
    ci.identity,
    hash(split_part(ci.identity, ':', 2)) AS identity_key, -- the identity without its country (hashed)
    starts_with(ci.identity, '?:') AS unplaced,            -- no country read for it
    ck.kind,
    -- a descriptor ("le ministère", "sources") may be one body or two: it decides nothing across articles
    -- (a government's descriptor in a story placed in one country is credited to that government already,
    -- corroborate/sources.py)
    coalesce(src.named, true) AS named,
    -- a reading on a scale (a quake's magnitude) counts nothing: it takes part in no verdict
    coalesce(ck.kind = 'scale', false) AS is_scale
FROM widened w
JOIN claim_quantities cq USING (claim_id)
LEFT JOIN claim_marks m USING (claim_id)
LEFT JOIN recalled rc USING (claim_id)
LEFT JOIN _concept_kinds ck ON '*' || ck.concept = cq.subject_key
JOIN claim_sources cs USING (claim_id)
LEFT JOIN sources src ON src.source_id = cs.source_id
JOIN article_dates a USING (article_id)
LEFT JOIN article_groups g USING (article_id)
LEFT JOIN article_places ap USING (article_id)
LEFT JOIN claim_identities ci USING (claim_id);
