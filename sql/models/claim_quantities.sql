-- inputs: claims, article_dates, claim_marks, _claim_concepts, _claim_subject_keys, _concept_kinds, _subject_keys, _unit_families
-- Which quantity each claim speaks of. Claims speak of one quantity when what they count (subject_key),
-- the unit family (corroborate.vocab.UNIT_FAMILIES) and the period agree.
--   subject_key: the concept of seeds/subjects.csv that the subject matches (_subject_keys), or that a
--     vague subject matches with the words of its sentence (_claim_subject_keys: "soldats" in "la Corée
--     du Nord a envoyé 10'000 soldats"); both built by corroborate/link.py. For a subject the lexicon does
--     not know, '~' and its content words, so the same wording links across articles and outlets. For no
--     usable subject, '?' and the unit when the claim has a period and its unit names a thing (area
--     gained from 1 to 27 October is specific enough; a percentage, a sum or a bare number in February is
--     not), else a quantity of its own ('!' and the claim id): such a claim stays unresolved rather than
--     corroborate or revise a figure about something else.
--   '*' and a general concept of corroborate/lexicons/concepts.csv ("*deaths"), read from the words next
--     to the figure (_claim_concepts) when the subject names no concept of the lexicon (a subject's own
--     wording, wording_key, often names the denominator or the place rather than what is counted: "of
--     GDP", "sur l'île"; it is kept, and claims with the same wording meet across stories): such a quantity
--     says what is counted, not where, so claims on it meet only within one story (claim_evidence.sql).
--   period: a different period is a different quantity (August's 477 km2 is not October's 478 km2;
--     1-27 October is not the whole month). A forecast with only a horizon ("up to 12 000 by December")
--     speaks of the same quantity as today's counts; its horizon stays in claims.period_end.
--     A figure without a period takes the one period that the same article gives the same subject:
--     "1 200 blessés en juillet, selon l'OMS ; 1 000 selon Kiev" speaks of July twice, the date being
--     written once. An article that gives the subject several periods lends none. Else it takes the
--     subject's period that contains its publication date, except a rate or total of a period concept (a
--     year's deficit): "the deficit stands at 5.5 %" may be last year's result or this year's forecast, so
--     it stays a quantity of its own. A year named relative to the date ("this year", "l'an prochain")
--     that the extractor left undated is dated by the article's date (article_dates).
CREATE OR REPLACE TABLE claim_quantities AS
WITH scoped AS (
    SELECT
        c.claim_id,
        c.article_id,
        c.subject,
        c.unit,
        coalesce(uf.unit_family, c.unit) AS stated_family,
        CASE
            WHEN c.period_start IS NULL AND c.period_end IS NULL AND ry.year_offset IS NOT NULL
                THEN make_date(year(ad.published_at) + ry.year_offset, 1, 1)
            WHEN c.qualifier = 'projection' AND c.period_start IS NULL THEN NULL
            ELSE c.period_start
        END AS period_start,
        CASE
            WHEN c.period_start IS NULL AND c.period_end IS NULL AND ry.year_offset = 0 THEN ad.published_at
            WHEN c.period_start IS NULL AND c.period_end IS NULL AND ry.year_offset IS NOT NULL
                THEN make_date(year(ad.published_at) + ry.year_offset, 12, 31)
            WHEN c.qualifier = 'projection' AND c.period_start IS NULL THEN NULL
            ELSE c.period_end
        END AS period_end,
        CASE
            WHEN ck.subject_key IS NOT NULL THEN ck.subject_key
            WHEN sk.subject_key IS NOT NULL AND NOT starts_with(sk.subject_key, '~') THEN sk.subject_key
            WHEN gc.concept IS NOT NULL THEN '*' || gc.concept
            ELSE sk.subject_key
        END AS known_key,
        CASE WHEN starts_with(sk.subject_key, '~') THEN sk.subject_key END AS wording_key,
        CASE
            WHEN ck.subject_key IS NOT NULL THEN ck.label
            WHEN sk.subject_key IS NOT NULL AND NOT starts_with(sk.subject_key, '~') THEN sk.label
            WHEN gc.concept IS NOT NULL THEN replace(gc.concept, '_', ' ')
            ELSE sk.label
        END AS known_label
    FROM claims c
    -- a year named relative to the date ("this year", "l'an prochain") that the extractor could not date (an
    -- undated page) is dated here by the article's date, which an undated copy takes from its dispatch
    LEFT JOIN article_dates ad ON ad.article_id = c.article_id
    CROSS JOIN LATERAL (
        SELECT CASE
            WHEN regexp_matches(lower(c.scope), '(next year|coming year|an prochain|e prochaine)') THEN 1
            WHEN regexp_matches(lower(c.scope), '(last year|an dernier|an pass|e derni)') THEN -1
            WHEN regexp_matches(lower(c.scope), '(this year|cette ann)') THEN 0
        END AS year_offset
    ) ry
    LEFT JOIN _claim_subject_keys ck ON ck.claim_id = c.claim_id
    LEFT JOIN _subject_keys sk ON sk.subject = coalesce(c.subject, '')
    LEFT JOIN _claim_concepts gc ON gc.claim_id = c.claim_id
    LEFT JOIN _unit_families uf ON uf.unit = c.unit
), keyed AS (
    SELECT
        * EXCLUDE (stated_family),
        -- a general concept names what is counted: "97 morts", "97 victims" and "97" are one headcount
        CASE
            WHEN starts_with(known_key, '*') AND stated_family NOT IN ('ratio', 'money', 'area', 'length', 'mass')
                THEN 'count'
            ELSE stated_family
        END AS unit_family,
        coalesce(
            known_key,
            CASE
                -- a unit says what is counted only when it names a thing (km2 gained, soldiers); a bare
                -- rate, sum or number in a month is any rate, sum or number of that month
                WHEN (period_start IS NOT NULL OR period_end IS NOT NULL)
                     AND stated_family NOT IN ('ratio', 'money', 'count') THEN '?' || unit
                ELSE '!' || claim_id
            END
        ) AS subject_key,
        coalesce(known_label, nullif(trim(subject), ''), unit) AS label
    FROM scoped
), yearly AS (
    -- a rate or total of a general concept holds for a whole year: "this year" read as January to the
    -- article's date is the year
    SELECT k.* REPLACE (
        CASE WHEN ck.kind = 'period' AND month(k.period_start) = 1 AND day(k.period_start) = 1
                  AND year(k.period_end) = year(k.period_start)
             THEN make_date(year(k.period_start), 12, 31) ELSE k.period_end END AS period_end),
        ck.kind
    FROM keyed k
    LEFT JOIN _concept_kinds ck ON '*' || ck.concept = k.subject_key
), article_periods AS (
    SELECT article_id, subject_key, unit_family,
           any_value(period_start) AS article_start, any_value(period_end) AS article_end
    FROM yearly
    -- a running count lends no period: "a wildfire in 2018 killed 85" does not date today's toll
    WHERE (period_start IS NOT NULL OR period_end IS NOT NULL) AND NOT starts_with(subject_key, '!')
      AND coalesce(kind, '') <> 'count'
    GROUP BY article_id, subject_key, unit_family
    HAVING count(DISTINCT (period_start, period_end)) = 1
), dated AS (
    SELECT
        k.* REPLACE (
            CASE WHEN k.period_start IS NULL AND k.period_end IS NULL THEN p.article_start ELSE k.period_start END
                AS period_start,
            CASE WHEN k.period_start IS NULL AND k.period_end IS NULL THEN p.article_end ELSE k.period_end END
                AS period_end
        ),
        coalesce(mk.is_beyond, false) AS is_beyond,
        mk.named_month
    FROM yearly k
    -- a figure for an unstated horizon ("around 6 % in the medium term") borrows no period; nor does one
    -- whose own words name another time than the article's period ("down from 2.9 % in January" beside
    -- February's figures, "compared to the previous month"): it is that time's figure, not this one's
    LEFT JOIN claim_marks mk USING (claim_id)
    LEFT JOIN article_periods p
      ON p.article_id = k.article_id AND p.subject_key = k.subject_key AND p.unit_family = k.unit_family
     AND NOT coalesce(mk.is_beyond, false)
     AND (mk.named_month IS NULL
          OR (month(p.article_start) = mk.named_month AND month(p.article_end) = mk.named_month
              AND year(p.article_start) = year(p.article_end)))
), subject_periods AS (
    SELECT DISTINCT subject_key, unit_family, period_start, period_end
    FROM dated
    WHERE period_start IS NOT NULL AND period_end IS NOT NULL AND NOT starts_with(subject_key, '!')
      AND coalesce(kind, '') <> 'count'
), undated AS (
    SELECT d.claim_id, d.subject_key, d.unit_family, a.published_at
    FROM dated d
    JOIN article_dates a USING (article_id)
    WHERE d.period_start IS NULL AND d.period_end IS NULL AND NOT d.is_beyond AND d.named_month IS NULL
      AND coalesce(d.kind, '') <> 'period'
), current_by_day AS (
    -- Per subject and day, not per claim: every undated claim of a subject published that day gets the
    -- same period, and the range join stays as small as the number of (subject, day) pairs.
    SELECT u.subject_key, u.unit_family, u.published_at,
           arg_max(sp.period_start, sp.period_start) AS cur_start,
           arg_max(sp.period_end, sp.period_start) AS cur_end
    FROM (SELECT DISTINCT subject_key, unit_family, published_at FROM undated) u
    JOIN subject_periods sp
      ON sp.subject_key = u.subject_key AND sp.unit_family = u.unit_family
     AND u.published_at BETWEEN sp.period_start AND sp.period_end
     -- in a year's first quarter, a yearly figure without its year is as often last year's result as
     -- this year's forecast ("le déficit atteint 6,0 %" in February): it takes neither
     AND NOT (month(sp.period_start) = 1 AND day(sp.period_start) = 1 AND sp.period_end = make_date(year(sp.period_start), 12, 31)
              AND u.published_at < sp.period_start + INTERVAL 3 MONTH)
    GROUP BY ALL
), current_period AS (
    SELECT u.claim_id, c.cur_start, c.cur_end
    FROM undated u
    JOIN current_by_day c USING (subject_key, unit_family, published_at)
), placed AS (
    SELECT d.* REPLACE (coalesce(d.period_start, c.cur_start) AS period_start,
                        coalesce(d.period_end, c.cur_end) AS period_end)
    FROM dated d LEFT JOIN current_period c USING (claim_id)
)
SELECT
    claim_id,
    'q_' || substr(md5(concat_ws('|', own_key, unit_family,
        coalesce(CAST(period_start AS VARCHAR), ''), coalesce(CAST(period_end AS VARCHAR), ''))), 1, 16)
        AS quantity_id,
    own_key AS subject_key,
    unit_family,
    period_start,
    period_end,
    label,
    wording_key
FROM (
    -- a total or rate over a period (a year's deficit) with no period at all could be any year's: it
    -- stays a quantity of its own rather than meet another year's figures
    SELECT *,
           CASE WHEN kind = 'period' AND period_start IS NULL AND period_end IS NULL THEN '!' || claim_id
                ELSE subject_key END AS own_key
    FROM placed
);
