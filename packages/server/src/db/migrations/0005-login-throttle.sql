-- Failed log-in counts per account and per client address, kept in the database so that every
-- server process behind a load balancer enforces the same limits.
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  last_failure_at timestamptz NOT NULL,
  locked_until timestamptz
);
CREATE INDEX login_throttle_last_failure ON login_throttle (last_failure_at);
