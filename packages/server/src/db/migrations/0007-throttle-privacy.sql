-- Throttle rows are keyed by a hash of the email or address, never the text itself, and rows
-- about an account go with it. Counts kept so far were keyed in clear: they are dropped (they
-- would have been forgotten within the hour anyway).
DELETE FROM login_throttle;
ALTER TABLE login_throttle ADD COLUMN user_id uuid REFERENCES users (id) ON DELETE CASCADE;
CREATE INDEX login_throttle_user ON login_throttle (user_id);

-- Keys the server signs its cookies with, shared by every process on this database.
CREATE TABLE server_secrets (
  name text PRIMARY KEY,
  value text NOT NULL
);
