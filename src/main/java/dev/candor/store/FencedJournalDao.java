package dev.candor.store;

import org.apache.pekko.persistence.jdbc.config.JournalConfig;
import org.apache.pekko.persistence.jdbc.journal.dao.DefaultJournalDao;
import org.apache.pekko.persistence.jdbc.journal.dao.JournalTables.JournalPekkoSerializationRow;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.stream.Materializer;
import scala.Tuple2;
import scala.collection.immutable.Seq;
import scala.collection.immutable.Set;
import scala.concurrent.ExecutionContext;
import scala.concurrent.Future;
import scala.runtime.BoxedUnit;
import slick.dbio.DBIOAction;
import slick.dbio.Effect;
import slick.dbio.NoStream;
import slick.jdbc.JdbcBackend;
import slick.jdbc.JdbcProfile;
import slick.jdbc.SimpleJdbcAction;

/**
 * The JDBC journal's writer, asking {@link PauseFence} once more inside each write's transaction, after its rows
 * are inserted and before it commits. {@link FencedJournal} refuses a write when the journal takes it, but a write
 * taken just before the node froze waits in the journal's batching queue and the connection pool, and goes out
 * when the node runs again: by then the others may have moved its session. Asked here, the transaction rolls back.
 * What is left is a freeze between this question and the commit it precedes.
 */
public final class FencedJournalDao extends DefaultJournalDao {

  private final PauseFence fence;

  public FencedJournalDao(
      JdbcBackend.JdbcDatabaseDef db,
      JdbcProfile profile,
      JournalConfig journalConfig,
      Serialization serialization,
      ExecutionContext ec,
      Materializer mat) {
    super(db, profile, journalConfig, serialization, ec, mat);
    this.fence = PauseFence.get(mat.system());
  }

  @Override
  public Future<BoxedUnit> writeJournalRows(Seq<Tuple2<JournalPekkoSerializationRow, Set<String>>> rows) {
    ExecutionContext inline = ExecutionContext.parasitic$.MODULE$;
    // Both parts synchronous (Candor tags no events, so the insert is one statement), and Slick runs them as one job:
    // as a continuation (flatMap) each write held its connection while it waited for a thread again, and the kill
    // test at 300 clients went from p99 12-13 s to 20-23 s.
    DBIOAction<BoxedUnit, NoStream, Effect.Write> fenced = queries().writeJournalRows(rows, inline)
        .andThen(new SimpleJdbcAction<>(context -> {
          String refusal = fence.refusal();
          if (refusal != null) {
            throw new FencedJournal.NodeFencedException(refusal);
          }
          return BoxedUnit.UNIT;
        }));
    // Slick's run takes an action of effect Nothing, which its contravariant effect parameter lets Scala pass and
    // Java's generics cannot express.
    @SuppressWarnings("rawtypes")
    DBIOAction transaction = profile().api().jdbcActionExtensionMethods(fenced).transactionally();
    @SuppressWarnings("unchecked")
    Future<Object> committed = db().run(transaction);
    return committed.map(done -> BoxedUnit.UNIT, inline);
  }
}
