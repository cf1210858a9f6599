package dev.candor.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.session.InterviewSession.SessionAbandoned;
import dev.candor.session.InterviewSession.State;
import dev.candor.session.InterviewSession.Status;
import dev.candor.session.InterviewSession.TellTime;
import dev.candor.session.InterviewSession.Tick;
import dev.candor.session.InterviewSession.TimeUp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTableTest {

  private final List<String> ran = new ArrayList<>();
  private final State fresh = State.empty();
  private final State abandoned = State.empty().apply(new SessionAbandoned(Instant.EPOCH));

  private CommandTable.Handler<Tick> records(String name) {
    return (session, state, command) -> {
      ran.add(name + " in " + state.status());
      return null;
    };
  }

  @Test
  void aStatusHandlerComesBeforeTheOneForAnyStatusWhichServesTheOtherStatuses() {
    CommandTable.Builder builder = CommandTable.builder();
    builder.in(Status.NEW, Status.CREATED).onCommand(Tick.class, records("not begun"));
    builder.inAnyStatus().onCommand(Tick.class, records("any"));
    CommandTable table = builder.build();

    table.handle(null, fresh, Tick.INSTANCE);
    table.handle(null, abandoned, Tick.INSTANCE);

    assertEquals(List.of("not begun in NEW", "any in ABANDONED"), ran);
  }

  @Test
  void aCommandWithNoHandlerForTheStatusGoesToTheAnyStatusHandlerOfItsOwnClass() {
    CommandTable.Builder builder = CommandTable.builder();
    builder.in(Status.NEW).onCommand(TimeUp.class, (session, state, command) -> {
      ran.add("time up");
      return null;
    });
    builder.inAnyStatus().onCommand(Tick.class, records("tick"));
    CommandTable table = builder.build();

    table.handle(null, fresh, Tick.INSTANCE);

    assertEquals(List.of("tick in NEW"), ran);
  }

  @Test
  void aCommandNobodyHandlesIsAnErrorNamingItAndTheStatus() {
    CommandTable.Builder builder = CommandTable.builder();
    builder.in(Status.NEW).onCommand(Tick.class, records("tick"));
    CommandTable table = builder.build();

    assertEquals("No handler for Tick in status ABANDONED",
        assertThrows(IllegalStateException.class, () -> table.handle(null, abandoned, Tick.INSTANCE)).getMessage());
    assertEquals("No handler for TellTime in status NEW",
        assertThrows(IllegalStateException.class, () -> table.handle(null, fresh, TellTime.INSTANCE)).getMessage());
  }

  @Test
  void twoHandlersForOneCommandInOneStatusAreRefused() {
    CommandTable.Builder builder = CommandTable.builder();
    builder.in(Status.NEW, Status.CREATED).onCommand(Tick.class, records("first"));

    assertEquals("Two handlers for Tick", assertThrows(IllegalArgumentException.class,
        () -> builder.in(Status.CREATED).onCommand(Tick.class, records("second"))).getMessage());
  }

  @Test
  void everySessionCommandHasAHandlerInEveryStatusFoundByItsOwnClass() {
    for (Class<?> type : InterviewSession.Command.class.getPermittedSubclasses()) {
      if (type.isEnum()) {
        // An enum constant with a body has a class of its own, which the table would not find.
        for (Object constant : type.getEnumConstants()) {
          assertEquals(type, constant.getClass(), constant + " has a body");
        }
      }
      for (Status status : Status.values()) {
        assertTrue(SessionBehavior.COMMANDS.handles(status, type), type.getSimpleName() + " in " + status);
      }
    }
  }
}
