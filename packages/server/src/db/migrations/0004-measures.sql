-- Questionnaire responses, stress practice sessions and weekly reflections (issue 6).
-- Every table holding personal data references users (id) ON DELETE CASCADE.

-- Raw answers are always kept (scores can be recomputed); scores exactly when completed.
-- `day` is the user's local date the response belongs to (schedules and charts use it).
CREATE TABLE questionnaire_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  instrument_id text NOT NULL,
  instrument_version text NOT NULL,
  answers jsonb NOT NULL,
  scores jsonb,
  day date NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  completed_at timestamptz,
  CHECK ((completed_at IS NULL) = (scores IS NULL))
);
CREATE INDEX questionnaire_responses_user_instrument ON questionnaire_responses (user_id, instrument_id, day);
-- At most one unfinished response per instrument: that is the one a user resumes.
CREATE UNIQUE INDEX questionnaire_responses_one_draft ON questionnaire_responses (user_id, instrument_id)
  WHERE completed_at IS NULL;

CREATE TABLE stress_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  day date NOT NULL,
  planned_minutes smallint NOT NULL CHECK (planned_minutes BETWEEN 1 AND 5),
  duration_seconds integer NOT NULL CHECK (duration_seconds BETWEEN 1 AND 300),
  inhale_seconds real NOT NULL CHECK (inhale_seconds > 0),
  exhale_seconds real NOT NULL CHECK (exhale_seconds > 0),
  stress_before smallint NOT NULL CHECK (stress_before BETWEEN 0 AND 10),
  stress_after smallint NOT NULL CHECK (stress_after BETWEEN 0 AND 10),
  created_at timestamptz NOT NULL
);
CREATE INDEX stress_sessions_user_day ON stress_sessions (user_id, day);

-- One rule of thumb per week (week_start is the Monday, local date); editable during the week.
CREATE TABLE stress_reflections (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  week_start date NOT NULL,
  rule_id text NOT NULL,
  note text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, week_start)
);
