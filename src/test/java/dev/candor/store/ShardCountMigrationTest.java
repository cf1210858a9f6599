package dev.candor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.candor.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The move from 100 shards to 30 forgets what the shards remembered under the old numbering, and nothing else: a
 * database as an earlier version left it (sessions' events, a shard's remembered sessions, the coordinator's
 * remembered shards, a snapshot of each) migrated again from version 7.
 */
class ShardCountMigrationTest {

  @Test
  void theShardsMemoryIsForgottenAndEverySessionsEventsStay() throws Exception {
    TestDatabase.Db db = TestDatabase.fresh();
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM flyway_schema_history WHERE version = '8'");
      for (String id : new String[] {"InterviewSession|drill-1-1", "/sharding/InterviewSessionShard/57",
          "/sharding/InterviewSessionCoordinator"}) {
        for (int seq = 1; seq <= 3; seq++) {
          s.execute("INSERT INTO event_journal (persistence_id, sequence_number, writer, event_ser_id, event_ser_manifest,"
              + " event_payload) VALUES ('" + id + "', " + seq + ", 'w', 1, 'm', '\\x00')");
        }
        s.execute("INSERT INTO snapshot (persistence_id, sequence_number, created, snapshot_ser_id, snapshot_ser_manifest,"
            + " snapshot_payload) VALUES ('" + id + "', 3, 0, 1, 'm', '\\x00')");
      }
      s.execute("INSERT INTO event_tag (event_id, tag) SELECT ordering, 'answers' FROM event_journal");
    }

    Database.migrate(db.url(), db.user(), db.password());

    assertEquals(3, TestDatabase.count(db, "SELECT count(*) FROM event_journal"), "the session's events stay");
    assertEquals(3, TestDatabase.count(db,
        "SELECT count(*) FROM event_journal WHERE persistence_id = 'InterviewSession|drill-1-1'"));
    assertEquals(1, TestDatabase.count(db, "SELECT count(*) FROM snapshot WHERE persistence_id = 'InterviewSession|drill-1-1'"));
    assertEquals(1, TestDatabase.count(db, "SELECT count(*) FROM snapshot"), "only the session's snapshot stays");
    assertEquals(3, TestDatabase.count(db, "SELECT count(*) FROM event_tag"), "the forgotten rows' tags go with them");
  }
}
