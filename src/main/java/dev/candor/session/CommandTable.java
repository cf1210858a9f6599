package dev.candor.session;

import dev.candor.session.InterviewSession.Command;
import dev.candor.session.InterviewSession.Event;
import dev.candor.session.InterviewSession.State;
import dev.candor.session.InterviewSession.Status;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.persistence.typed.javadsl.Effect;

/**
 * Which handler serves a command in each status, built once for every session of the node. Pekko's command handler
 * builder keeps its table in each entity: 62 cases, about 6 KB for every live session, tried one after another for
 * each command. Here a handler takes its session as the first argument, so one table serves them all, and a command
 * finds its handler by status and class.
 *
 * <p>As with the builder's {@code forState(...)} groups followed by {@code forAnyState()}, a command without a handler
 * for the session's status goes to the handler for any status.
 */
final class CommandTable {

  @FunctionalInterface
  interface Handler<C extends Command> {
    Effect<Event, State> handle(SessionBehavior session, State state, C command);
  }

  private final Map<Status, Map<Class<?>, Handler<?>>> byStatus;
  private final Map<Class<?>, Handler<?>> anyStatus;

  private CommandTable(Map<Status, Map<Class<?>, Handler<?>>> byStatus, Map<Class<?>, Handler<?>> anyStatus) {
    this.byStatus = byStatus;
    this.anyStatus = anyStatus;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Whether a command of this class has a handler in this status. */
  boolean handles(Status status, Class<?> type) {
    return handler(status, type) != null;
  }

  @SuppressWarnings("unchecked")
  Effect<Event, State> handle(SessionBehavior session, State state, Command command) {
    Handler<?> handler = handler(state.status(), command.getClass());
    if (handler == null) {
      throw new IllegalStateException(
          "No handler for " + command.getClass().getSimpleName() + " in status " + state.status());
    }
    return ((Handler<Command>) handler).handle(session, state, command);
  }

  private Handler<?> handler(Status status, Class<?> type) {
    Handler<?> handler = byStatus.getOrDefault(status, Map.of()).get(type);
    return handler != null ? handler : anyStatus.get(type);
  }

  static final class Builder {
    private final Map<Status, Map<Class<?>, Handler<?>>> byStatus = new EnumMap<>(Status.class);
    private final Map<Class<?>, Handler<?>> anyStatus = new HashMap<>();

    private Builder() {}

    /** The handlers of commands in these statuses. */
    Cases in(Status first, Status... more) {
      List<Map<Class<?>, Handler<?>>> tables = new ArrayList<>();
      tables.add(byStatus.computeIfAbsent(first, s -> new HashMap<>()));
      for (Status status : more) {
        tables.add(byStatus.computeIfAbsent(status, s -> new HashMap<>()));
      }
      return new Cases(tables);
    }

    /** The handlers of commands that the session's status has none for. */
    Cases inAnyStatus() {
      return new Cases(List.of(anyStatus));
    }

    CommandTable build() {
      Map<Status, Map<Class<?>, Handler<?>>> frozen = new EnumMap<>(Status.class);
      byStatus.forEach((status, handlers) -> frozen.put(status, Map.copyOf(handlers)));
      return new CommandTable(frozen, Map.copyOf(anyStatus));
    }
  }

  static final class Cases {
    private final List<Map<Class<?>, Handler<?>>> tables;

    private Cases(List<Map<Class<?>, Handler<?>>> tables) {
      this.tables = tables;
    }

    /**
     * A command is looked up by its exact class, which the sealed protocol of records and enums makes complete; a
     * second handler for the same command and status is a mistake, not an override.
     */
    <C extends Command> Cases onCommand(Class<C> type, Handler<C> handler) {
      for (Map<Class<?>, Handler<?>> table : tables) {
        if (table.putIfAbsent(type, handler) != null) {
          throw new IllegalArgumentException("Two handlers for " + type.getSimpleName());
        }
      }
      return this;
    }
  }
}
