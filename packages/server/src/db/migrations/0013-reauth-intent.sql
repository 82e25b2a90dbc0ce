-- A fresh sign-in at the provider confirms one step: deleting the account or setting a password.
-- The sign-in in flight and the proof it leaves name that step, and each step accepts only a
-- proof for itself. A sign-in in flight started before this knew its step only from where it
-- returns to; a proof left from before cannot tell, so it goes (it lived 5 minutes at most, and
-- its person confirms again).
ALTER TABLE oidc_logins ADD COLUMN intent text;
UPDATE oidc_logins SET intent = substring(return_to FROM 'confirmed=(delete|password)$')
  WHERE purpose = 'reauth';
DELETE FROM oidc_logins WHERE purpose = 'reauth' AND intent IS NULL;
ALTER TABLE oidc_logins ADD CONSTRAINT oidc_logins_intent CHECK (
  (purpose = 'signin' AND intent IS NULL)
  OR (purpose = 'reauth' AND intent IN ('delete', 'password'))
);

DELETE FROM reauth_proofs;
ALTER TABLE reauth_proofs ADD COLUMN intent text NOT NULL CHECK (intent IN ('delete', 'password'));
