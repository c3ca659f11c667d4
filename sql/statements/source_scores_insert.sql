-- This run's scores (_scores_input: source_counts with the posterior computed by corroborate/score.py).
INSERT INTO source_scores
    (run_id, method, kind, source_id, source, parent_id, claims, corroborated, revised, unresolved,
     own, relayed, relayed_wrong, score, ci_low, ci_high, prior_alpha, prior_beta)
SELECT $run_id, $method, kind, source_id, source, parent_id, claims, corroborated, revised, unresolved,
       own, relayed, relayed_wrong, score, ci_low, ci_high, prior_alpha, prior_beta
FROM _scores_input;
