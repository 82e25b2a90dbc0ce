-- Lessons read, exercise sessions and programme preferences (issue 3).
-- Every table holding personal data references users (id) ON DELETE CASCADE.

-- One row per lesson the user marked read; marking again keeps the first date.
CREATE TABLE lesson_reads (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  lesson_id text NOT NULL,
  -- The user's calendar date when it was marked read (for the plan's tick).
  read_on date NOT NULL,
  read_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, lesson_id)
);

-- One row per guided boat-pose session, completed or stopped.
CREATE TABLE exercise_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- Insertion order, so sessions on the same day replay in the order they happened even when two
  -- share a timestamp.
  seq bigint GENERATED ALWAYS AS IDENTITY,
  day date NOT NULL,
  variant text NOT NULL CHECK (variant IN ('chair', 'floor')),
  planned_sets smallint NOT NULL CHECK (planned_sets BETWEEN 1 AND 10),
  planned_hold_seconds smallint NOT NULL CHECK (planned_hold_seconds BETWEEN 1 AND 600),
  -- JSON arrays rather than SQL arrays: both drivers hand jsonb back as plain JS values.
  achieved_hold_seconds jsonb NOT NULL CHECK (jsonb_typeof(achieved_hold_seconds) = 'array'),
  form_scores jsonb NOT NULL CHECK (jsonb_typeof(form_scores) = 'array'),
  good_form_seconds jsonb NOT NULL CHECK (jsonb_typeof(good_form_seconds) = 'array'),
  -- Null only when stopped for pain (the stop button logs at once without asking).
  pain_before smallint CHECK (pain_before BETWEEN 0 AND 10),
  pain_after smallint CHECK (pain_after BETWEEN 0 AND 10),
  stopped_early text NOT NULL CHECK (stopped_early IN ('none', 'pain', 'other')),
  created_at timestamptz NOT NULL,
  CHECK (stopped_early = 'pain' OR (pain_before IS NOT NULL AND pain_after IS NOT NULL))
);
CREATE INDEX exercise_sessions_user_order ON exercise_sessions (user_id, day, seq);

CREATE TABLE program_prefs (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  stay_on_chair boolean NOT NULL,
  updated_at timestamptz NOT NULL
);
