-- Sessions are spread over 30 shards now, not 100: a session's shard is its id's hash modulo the count. Each shard
-- remembers which sessions it held (to start them again after a crash) under the old numbering; kept, a shard would
-- start sessions that now belong to another shard, a second copy of each. Forgetting them loses nothing: every
-- session's own events stay, and a session starts again at its next message.
DELETE FROM public.event_journal WHERE persistence_id LIKE '/sharding/%';
DELETE FROM public.snapshot WHERE persistence_id LIKE '/sharding/%';
