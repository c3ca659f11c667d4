-- inputs: claims, claim_sentences, _unmatched_subjects
-- The sentence around each claim whose subject the lexicon does not place on its own
-- (_unmatched_subjects, from corroborate/link.py; '' stands for no subject): "La Corée du Nord a envoyé
-- environ 10'000 soldats" says whose soldiers they are although the subject is only "soldats", and the
-- figure's span ("1,200 wounded") names what is counted when the extractor found no subject. The sentence
-- is the one claim_sentences cut at the figure.
CREATE OR REPLACE TABLE claim_contexts AS
SELECT
    c.claim_id,
    c.subject,
    c.text AS span,
    s.before || s.span || s.after AS context
FROM claims c
JOIN _unmatched_subjects u ON u.subject = coalesce(c.subject, '')
JOIN claim_sentences s USING (claim_id);
