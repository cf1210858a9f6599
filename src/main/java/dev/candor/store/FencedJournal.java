package dev.candor.store;

import com.typesafe.config.Config;
import org.apache.pekko.dispatch.Futures;
import org.apache.pekko.persistence.AtomicWrite;
import org.apache.pekko.persistence.jdbc.journal.JdbcAsyncWriteJournal;
import scala.collection.immutable.Seq;
import scala.concurrent.Future;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/** The JDBC journal, refusing every write and deletion once {@link PauseFence} has found this node stood still. */
public final class FencedJournal extends JdbcAsyncWriteJournal {

  private final PauseFence fence;

  public FencedJournal(Config config) {
    super(config);
    this.fence = PauseFence.get(context().system());
  }

  @Override
  public Future<Seq<Try<BoxedUnit>>> asyncWriteMessages(Seq<AtomicWrite> messages) {
    String refusal = fence.refusal();
    return refusal == null ? super.asyncWriteMessages(messages) : Futures.failed(new NodeFencedException(refusal));
  }

  @Override
  public Future<BoxedUnit> asyncDeleteMessagesTo(String persistenceId, long toSequenceNr) {
    String refusal = fence.refusal();
    return refusal == null ? super.asyncDeleteMessagesTo(persistenceId, toSequenceNr)
        : Futures.failed(new NodeFencedException(refusal));
  }

  /** A write this node may no longer make. */
  public static final class NodeFencedException extends IllegalStateException {
    NodeFencedException(String message) {
      super(message);
    }
  }
}
