-- inputs: articles, claims
-- The sentence around every claim, cut at the figure: what corroborate/concepts.py reads to tell what a
-- figure counts and whether it recalls or corrects an earlier figure. char offsets are 0-based,
-- substring() is 1-based; a sentence ends at ". ", "!", "?" or a line break, but not at the period of
-- an initial or abbreviation in capitals ("the U.S. state of Hawaii", "M. Pelletier").
--   span      the figure's own words ("97 morts")
--   before    the sentence from its start to the figure
--   after     the sentence from the figure to its end
--   previous  the sentence before it ("Le bilan a été revu à la baisse. Les autorités font état de 97 victimes.")
--   sentence_id  article and start offset of the sentence: figures of one sentence share it
CREATE OR REPLACE TABLE claim_sentences AS
WITH cut AS (
    SELECT
        c.claim_id,
        c.article_id,
        c.char_start,
        c.char_end,
        c.text,
        substring(a.text, greatest(c.char_start - 399, 1), least(c.char_start, 400)) AS prefix,
        -- the line first (split_part, not a regex: the same cut, four times cheaper), then the sentence
        regexp_replace(split_part(substring(a.text, c.char_end + 1, 300), chr(10), 1),
                       '(?s)([^\p{Lu}.])[.!?]\s.*$', '\1') AS after
    FROM claims c
    JOIN articles a USING (article_id)
), split AS (
    SELECT *, regexp_replace(prefix, '(?s)^.*(?:[^\p{Lu}.][.!?]\s|[!?]\s|\n)', '') AS before FROM cut
)
SELECT
    claim_id,
    article_id || ':' || CAST(char_start - length(before) AS VARCHAR) AS sentence_id,
    char_start,
    char_end,
    text AS span,
    before,
    after,
    regexp_replace(
        regexp_replace(left(prefix, length(prefix) - length(before)), '(?s)(?:[.!?]\s*|\n\s*)$', ''),
        '(?s)^.*(?:[^\p{Lu}.][.!?]\s|[!?]\s|\n)', '') AS previous
FROM split;
