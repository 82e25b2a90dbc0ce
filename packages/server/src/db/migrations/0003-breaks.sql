-- Break-coach settings and scheduler events (issue 5).
-- Every table holding personal data references users (id) ON DELETE CASCADE.

-- One row per user once they save settings; until then the core defaults apply. The JSON is
-- validated by the core schema on the way in and parsed again (defaults filled) on the way out,
-- so a setting added later needs no migration.
CREATE TABLE break_settings (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  settings jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Every transition the browser's scheduler recorded; statistics are computed from these alone.
-- The scheduler never records two events of one type in the same millisecond, so (user, at, type)
-- is the event's identity: a retried or overlapping batch inserts nothing twice.
CREATE TABLE break_events (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  at_ms bigint NOT NULL,
  type text NOT NULL,
  event jsonb NOT NULL,
  received_at timestamptz NOT NULL,
  -- Keeps the recording order of events in one millisecond (a break ending as the next starts).
  seq bigint GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (user_id, at_ms, type)
);
