-- A cheap summary of the stored articles and claims: equal summaries mean the same rows.
SELECT
    (SELECT count(*) FROM articles) AS articles,
    (SELECT coalesce(bit_xor(hash(article_id)), 0) FROM articles) AS article_ids,
    (SELECT count(*) FROM claims) AS claims,
    (SELECT coalesce(bit_xor(hash(claim_id, extractor_version)), 0) FROM claims) AS claim_ids;
