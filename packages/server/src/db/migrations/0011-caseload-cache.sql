-- Each member's caseload line, the part that does not depend on today's date: the progression
-- replay, what blocks the plan (screenings, clearances, painful sessions), the latest scores
-- against the first, the last activity, and the sessions and check-ins of the last weeks. A
-- caseload then reads one row per member instead of replaying every session of every member.
-- Everything here is derived from the member's other rows: the row is rebuilt whenever it is
-- missing or stale, and is left out of the member's export and of backups.
--
-- A write to any table the line reads marks the row stale (state NULL) and moves gen on, through
-- the triggers below, in the writer's own transaction: the write paths stay as they are, and every
-- process sharing the database sees it. A reader keeps a line it computed only if gen is still
-- what it read before reading the member's data, so a line computed from data that a concurrent
-- write has since changed is never kept. (Deleting the row on a write could not tell a reader
-- that it lost such a race.) Readers create missing rows and commit them before they read, so a
-- write always finds the row to mark.
CREATE TABLE caseload_cache (
  member_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  gen bigint NOT NULL DEFAULT 0,
  -- The shape of `state` the code that wrote it knew; another shape is treated as stale.
  version integer,
  state jsonb,
  computed_at timestamptz
);

-- TG_ARGV[0] names the column holding the member's id. Rows never move from one member to another,
-- so the new row's member is the old row's.
CREATE FUNCTION caseload_cache_stale() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  member uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN
    member := (to_jsonb(OLD) ->> TG_ARGV[0])::uuid;
  ELSE
    member := (to_jsonb(NEW) ->> TG_ARGV[0])::uuid;
  END IF;
  UPDATE caseload_cache SET gen = gen + 1, state = NULL WHERE member_id = member;
  RETURN NULL;
END;
$$;

-- Every table the line reads, with the column naming the member.
DO $$
DECLARE
  source text[];
BEGIN
  FOREACH source SLICE 1 IN ARRAY ARRAY[
    ['baselines', 'user_id'], ['checkins', 'user_id'], ['exercise_sessions', 'user_id'],
    ['stress_sessions', 'user_id'], ['program_prefs', 'user_id'], ['screenings', 'user_id'],
    ['clinician_clearances', 'user_id'], ['programme_changes', 'member_id']
  ] LOOP
    EXECUTE format(
      'CREATE TRIGGER caseload_cache_stale AFTER INSERT OR UPDATE OR DELETE ON %I
         FOR EACH ROW EXECUTE FUNCTION caseload_cache_stale(%L)', source[1], source[2]);
  END LOOP;
END;
$$;

-- Only finished questionnaires count; saving a draft answer by answer changes nothing on the line.
CREATE TRIGGER caseload_cache_stale_insert AFTER INSERT ON questionnaire_responses
  FOR EACH ROW WHEN (NEW.completed_at IS NOT NULL) EXECUTE FUNCTION caseload_cache_stale('user_id');
CREATE TRIGGER caseload_cache_stale_update AFTER UPDATE ON questionnaire_responses
  FOR EACH ROW WHEN (OLD.completed_at IS NOT NULL OR NEW.completed_at IS NOT NULL)
  EXECUTE FUNCTION caseload_cache_stale('user_id');
CREATE TRIGGER caseload_cache_stale_delete AFTER DELETE ON questionnaire_responses
  FOR EACH ROW WHEN (OLD.completed_at IS NOT NULL) EXECUTE FUNCTION caseload_cache_stale('user_id');
-- The line's dates are the member's own: a new time zone moves them.
CREATE TRIGGER caseload_cache_stale AFTER UPDATE OF time_zone ON users
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone) EXECUTE FUNCTION caseload_cache_stale('id');

-- A member whom no clinician follows any more leaves no derived figures behind.
CREATE FUNCTION caseload_cache_unfollowed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM caseload_cache k WHERE k.member_id = OLD.member_id
    AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.member_id = OLD.member_id AND c.revoked_at IS NULL);
  RETURN NULL;
END;
$$;
CREATE TRIGGER caseload_cache_unfollowed AFTER UPDATE OF revoked_at OR DELETE ON consents
  FOR EACH ROW EXECUTE FUNCTION caseload_cache_unfollowed();
