-- The sentence around each claim whose subject the lexicon does not place on its own
-- (_unmatched_subjects, from corroborate/link.py; '' stands for no subject): "La Corée du Nord a envoyé
-- environ 10'000 soldats" says whose soldiers they are although the subject is only "soldats", and the
-- figure's span ("1,200 wounded") names what is counted when the extractor found no subject. char offsets
-- are 0-based, substring() is 1-based; the sentence ends at ". ", "!", "?" or a line break.
CREATE OR REPLACE TABLE claim_contexts AS
SELECT
    c.claim_id,
    c.subject,
    c.text AS span,
    regexp_replace(substring(a.text, greatest(c.char_start - 299, 1), least(c.char_start, 300)),
                   '(?s)^.*(?:[.!?]\s|\n)', '')
    || substring(a.text, c.char_start + 1, c.char_end - c.char_start)
    || regexp_replace(substring(a.text, c.char_end + 1, 300), '(?s)(?:[.!?]\s|\n).*$', '') AS context
FROM claims c
JOIN _unmatched_subjects u ON u.subject = coalesce(c.subject, '')
JOIN articles a USING (article_id);
