package dev.candor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.candor.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.junit.jupiter.api.Test;

/**
 * A journal write the node took before it stood still, still waiting for the database when the node found it had,
 * is rolled back: the fence is asked inside the write's transaction, not only when the journal takes the write.
 * The test holds the journal table locked so that the write waits in the database, as a write queued before a
 * SIGSTOP waits in the pool.
 */
class FencedJournalDaoTest {

  private static final String PERSISTENCE_ID = "fence-test";

  @Test
  void aWriteWaitingForTheDatabaseWhenTheNodeFindsItStoodStillIsRolledBack() throws Exception {
    TestDatabase.Db db = TestDatabase.fresh();
    ActorTestKit testKit = ActorTestKit.create("fenced-journal", nodeNotInACluster(db));
    try (Connection locker = DriverManager.getConnection(db.url(), db.user(), db.password())) {
      ActorRef<Note> notes = testKit.spawn(Notes.create());
      TestProbe<Done> probe = testKit.createTestProbe();
      notes.tell(new Note("taken before", probe.ref()));
      probe.expectMessage(Duration.ofSeconds(20), Done.getInstance());

      locker.setAutoCommit(false);
      try (Statement lock = locker.createStatement()) {
        lock.execute("LOCK TABLE event_journal IN EXCLUSIVE MODE");
      }
      notes.tell(new Note("queued before the node stood still", probe.ref()));
      awaitInsertWaitingForLock(db);
      PauseFence.get(Adapter.toClassic(testKit.system())).fence(Duration.ofSeconds(12).toNanos());
      locker.rollback();

      probe.expectTerminated(notes, Duration.ofSeconds(20));
      assertEquals(1, TestDatabase.count(db,
          "SELECT count(*) FROM event_journal WHERE persistence_id = '" + PERSISTENCE_ID + "'"),
          "only the write taken before the node stood still is in the journal");
    } finally {
      testKit.shutdownTestKit();
    }
  }

  /** A cluster node that never joins: the fence's call to down it is ignored and the journal keeps running. */
  private static Config nodeNotInACluster(TestDatabase.Db db) {
    String database = "pekko-persistence-jdbc.shared-databases.default.db.";
    return ConfigFactory.parseMap(Map.of(
            "pekko.actor.provider", "cluster",
            "pekko.remote.artery.canonical.hostname", "127.0.0.1",
            "pekko.remote.artery.canonical.port", 0,
            "pekko.coordinated-shutdown.exit-jvm", "off",
            "pekko.cluster.jmx.multi-mbeans-in-same-jvm", "on",
            database + "url", db.url(),
            database + "user", db.user(),
            database + "password", db.password()))
        .withFallback(ConfigFactory.load());
  }

  private static void awaitInsertWaitingForLock(TestDatabase.Db db) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    try (Connection watcher = DriverManager.getConnection(db.url(), db.user(), db.password());
        PreparedStatement waiting = watcher.prepareStatement("SELECT count(*) FROM pg_stat_activity"
            + " WHERE wait_event_type = 'Lock' AND query ILIKE 'insert into%event_journal%'")) {
      while (System.nanoTime() < deadline) {
        try (ResultSet rows = waiting.executeQuery()) {
          rows.next();
          if (rows.getLong(1) > 0) {
            return;
          }
        }
        Thread.sleep(20);
      }
    }
    fail("the journal's insert never waited for the lock");
  }

  record Note(String text, ActorRef<Done> replyTo) {}

  /** The smallest event-sourced actor: each note is an event, acknowledged once it is in the journal. */
  static final class Notes extends EventSourcedBehavior<Note, String, Integer> {

    static Behavior<Note> create() {
      return new Notes();
    }

    private Notes() {
      super(PersistenceId.ofUniqueId(PERSISTENCE_ID));
    }

    @Override
    public Integer emptyState() {
      return 0;
    }

    @Override
    public CommandHandler<Note, String, Integer> commandHandler() {
      return newCommandHandlerBuilder().forAnyState()
          .onCommand(Note.class, note -> Effect().persist(note.text()).thenReply(note.replyTo(), count -> Done.getInstance()))
          .build();
    }

    @Override
    public EventHandler<Integer, String> eventHandler() {
      return newEventHandlerBuilder().forAnyState().onEvent(String.class, (count, text) -> count + 1).build();
    }
  }
}
