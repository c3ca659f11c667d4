-- Store the claims of a batch that passed validation.
INSERT INTO claims BY NAME SELECT * FROM batch_claims;
