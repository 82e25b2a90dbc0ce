-- Accounts, sessions, screening, baseline and daily check-ins.
-- Times are UTC (timestamptz); the user's calendar day is computed in their time zone by the app.

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  time_zone text NOT NULL,
  created_at timestamptz NOT NULL
);

-- Only a hash of the session token is stored, so a database leak does not leak live sessions.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_id ON sessions (user_id);

CREATE TABLE screenings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  answers jsonb NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('clear', 'see_clinician', 'emergency')),
  created_at timestamptz NOT NULL
);
CREATE INDEX screenings_user_created ON screenings (user_id, created_at DESC);

CREATE TABLE baselines (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  pain_now smallint NOT NULL CHECK (pain_now BETWEEN 0 AND 10),
  pain_week_average smallint NOT NULL CHECK (pain_week_average BETWEEN 0 AND 10),
  peg_pain smallint NOT NULL CHECK (peg_pain BETWEEN 0 AND 10),
  peg_enjoyment smallint NOT NULL CHECK (peg_enjoyment BETWEEN 0 AND 10),
  peg_activity smallint NOT NULL CHECK (peg_activity BETWEEN 0 AND 10),
  peg_score real NOT NULL,
  sitting_hours_per_workday real NOT NULL CHECK (sitting_hours_per_workday BETWEEN 0 AND 24),
  stress smallint NOT NULL CHECK (stress BETWEEN 0 AND 10),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE checkins (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  day date NOT NULL,
  pain smallint NOT NULL CHECK (pain BETWEEN 0 AND 10),
  stress smallint NOT NULL CHECK (stress BETWEEN 0 AND 10),
  note text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, day)
);

-- A retried write with the same key gets the first answer back instead of writing twice.
CREATE TABLE idempotency_keys (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key text NOT NULL,
  request_hash text NOT NULL,
  status smallint NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, key)
);
