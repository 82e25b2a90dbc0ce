-- An account without a password confirms who it is (to be deleted, or to set a password) by a
-- fresh sign-in at its provider. Such a sign-in in flight names the account and the session it
-- confirms; its success leaves a short-lived proof that the session may use once. Proofs die with
-- their session (log-out, expiry, account deletion), and only hashes of their tokens are stored.
ALTER TABLE oidc_logins ADD COLUMN purpose text NOT NULL DEFAULT 'signin';
ALTER TABLE oidc_logins ADD COLUMN user_id uuid REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE oidc_logins ADD COLUMN session_hash text;
ALTER TABLE oidc_logins ADD CONSTRAINT oidc_logins_purpose CHECK (
  (purpose = 'signin' AND user_id IS NULL AND session_hash IS NULL)
  OR (purpose = 'reauth' AND user_id IS NOT NULL AND session_hash IS NOT NULL)
);

CREATE TABLE reauth_proofs (
  proof_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  session_hash text NOT NULL REFERENCES sessions (token_hash) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX reauth_proofs_user ON reauth_proofs (user_id);
CREATE INDEX reauth_proofs_session ON reauth_proofs (session_hash);
