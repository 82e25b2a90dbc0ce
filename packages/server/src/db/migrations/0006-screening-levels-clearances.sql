-- A fourth screening outcome, "same_day" (be seen by a doctor today), and clinicians' clearances.
-- Stored screenings keep their answers and outcomes: 'see_clinician' still means "see a clinician soon".

ALTER TABLE screenings DROP CONSTRAINT screenings_outcome_check;
ALTER TABLE screenings ADD CONSTRAINT screenings_outcome_check
  CHECK (outcome IN ('clear', 'see_clinician', 'same_day', 'emergency'));

-- "A clinician has cleared me to exercise": the user's attestation, kept apart from the answers so
-- that no answer is ever rewritten. It covers the flags of the screening it was recorded against.
-- Withdrawing it sets revoked_at; the row stays, so the record of what was said stays whole.
CREATE TABLE clinician_clearances (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  screening_id uuid NOT NULL REFERENCES screenings (id) ON DELETE CASCADE,
  cleared_on date NOT NULL,
  note text CHECK (char_length(note) <= 500),
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX clinician_clearances_user ON clinician_clearances (user_id, created_at);
