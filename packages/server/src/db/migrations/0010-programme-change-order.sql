-- Programme changes are folded in the order they were made; two made in the same millisecond
-- (a hold and its release from a quick double submit) need an order of their own, which a
-- random uuid cannot give.
ALTER TABLE programme_changes ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX programme_changes_member_seq ON programme_changes (member_id, seq);
