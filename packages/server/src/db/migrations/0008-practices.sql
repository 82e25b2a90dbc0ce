-- Practices: roles, invitations, consent between a member and a clinician, programme changes a
-- clinician makes, an append-only audit trail the member can read, and single sign-on identities.

-- Every account is a member; an admin runs the instance (and reads no health data by being one);
-- a clinician follows the members who consented to it.
ALTER TABLE users ADD COLUMN role text NOT NULL DEFAULT 'member'
  CHECK (role IN ('member', 'clinician', 'admin'));
-- An account made through single sign-on has no local password.
ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;

-- One row: how people may join this instance and whether local passwords still sign in.
CREATE TABLE instance_settings (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  signup_policy text NOT NULL DEFAULT 'open' CHECK (signup_policy IN ('open', 'invitation', 'sso_only')),
  local_sign_in boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL
);

-- An admin invites a clinician; a clinician invites a member. Only a hash of the code is stored,
-- so a database leak does not hand out live invitations.
CREATE TABLE invitations (
  code_hash text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('clinician', 'member')),
  invited_by uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  email text,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  accepted_by uuid REFERENCES users (id) ON DELETE SET NULL,
  accepted_at timestamptz
);
CREATE INDEX invitations_invited_by ON invitations (invited_by, created_at DESC);

-- A member's consent to one clinician. A change of scope or a revocation sets revoked_at and, for
-- a new scope, adds a row: the rows are the consent's whole history, with its timestamps.
CREATE TABLE consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  clinician_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  share_notes boolean NOT NULL,
  granted_at timestamptz NOT NULL,
  revoked_at timestamptz,
  CHECK (member_id <> clinician_id)
);
CREATE UNIQUE INDEX consents_one_active ON consents (member_id, clinician_id) WHERE revoked_at IS NULL;
CREATE INDEX consents_clinician_active ON consents (clinician_id) WHERE revoked_at IS NULL;

-- What a clinician changed in a member's programme. Who made it stays readable (clinician_email)
-- after the clinician's account is gone; the member's account takes its rows with it.
CREATE TABLE programme_changes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  clinician_id uuid REFERENCES users (id) ON DELETE SET NULL,
  clinician_email text NOT NULL,
  kind text NOT NULL CHECK (char_length(kind) BETWEEN 1 AND 40),
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX programme_changes_member ON programme_changes (member_id, created_at);

-- Who read or changed what, when and from where. member_id is whose data it concerns (null for
-- instance events such as a policy change); detail never holds health data, so an admin can read
-- the instance-wide log.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_id uuid REFERENCES users (id) ON DELETE CASCADE,
  actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
  actor_email text NOT NULL,
  actor_role text NOT NULL,
  action text NOT NULL CHECK (char_length(action) BETWEEN 1 AND 60),
  detail jsonb NOT NULL DEFAULT '{}',
  client_address text,
  at timestamptz NOT NULL
);
CREATE INDEX audit_log_member ON audit_log (member_id, at DESC);
CREATE INDEX audit_log_at ON audit_log (at DESC);

-- The trail is append-only: no row is ever updated, and a row goes only with the member's account
-- (a cascade from users runs one trigger level deeper than a DELETE issued directly). An actor's
-- account going only clears actor_id, which the foreign key does as an update of that one column.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1
     AND NEW.actor_id IS NULL AND OLD.actor_id IS NOT NULL
     AND (to_jsonb(NEW) - 'actor_id') = (to_jsonb(OLD) - 'actor_id') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Single sign-on: an OpenID Provider's (issuer, subject) pair names one account.
CREATE TABLE user_identities (
  issuer text NOT NULL,
  subject text NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX user_identities_user ON user_identities (user_id);

-- A sign-in in flight: state, nonce and PKCE verifier live here rather than in one process's
-- memory, so the provider's redirect may land on any process behind the load balancer.
CREATE TABLE oidc_logins (
  state_hash text PRIMARY KEY,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  return_to text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX oidc_logins_expires ON oidc_logins (expires_at);
