package dev.candor.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.interview.InterviewPreferences;
import dev.candor.session.InterviewSession.Command;
import dev.candor.session.InterviewSession.Event;
import dev.candor.session.InterviewSession.Rejected;
import dev.candor.session.InterviewSession.Rejection;
import dev.candor.session.InterviewSession.Reply;
import dev.candor.session.InterviewSession.SessionContext;
import dev.candor.session.InterviewSession.State;
import dev.candor.session.InterviewSession.Status;
import dev.candor.testing.GatedInterviewer;
import dev.candor.testing.MutableClock;
import dev.candor.testing.SampleData;
import dev.candor.testing.TestConfigs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client-paced interview (seed 003): created, planned, begun and moved on by its client, each step in its own state,
 * and every step out of order rejected without an event.
 */
class ClientPacedSessionTest {

  private static final ActorTestKit testKit =
      ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(TestConfigs.local()));
  private static final SessionSettings SETTINGS = new SessionSettings(8, Duration.ofMinutes(30), Duration.ofMinutes(30),
      Duration.ofMinutes(2), Duration.ofSeconds(5), 20, 2, 1, Duration.ofMillis(50), Duration.ofSeconds(10), Duration.ofSeconds(10));
  private static final SessionContext PACED = SessionContext.clientPaced(null, null, SampleData.johnDoe(),
      SampleData.seniorEngineer(), new InterviewPreferences(30, null, List.of()), 5);

  private GatedInterviewer interviewer;
  private MutableClock clock;
  private EventSourcedBehaviorTestKit<Command, Event, State> kit;
  private String sessionId;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void setUp() {
    interviewer = new GatedInterviewer();
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), InterviewSession.create(sessionId = "paced-" + System.nanoTime(),
        interviewer, SETTINGS, clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z")), null));
  }

  @Test
  void aCreatedInterviewWaitsForItsSetupAndTakesNothingElse() {
    CommandResultWithReply<Command, Event, State, Reply> created = kit.<Reply>runCommand(r -> new InterviewSession.Start(PACED, r));
    assertInstanceOf(InterviewSession.ContextSet.class, created.event());
    assertEquals(Status.CREATED, kit.getState().status());

    assertRejected(kit.<Reply>runCommand(r -> new InterviewSession.Begin("female", r)), Rejection.NOT_PLANNED);
    assertRejected(kit.<Reply>runCommand(r -> new InterviewSession.Advance(null, r)), Rejection.NOT_STARTED);
    assertRejected(kit.<Reply>runCommand(r -> new InterviewSession.SubmitAnswer(null, null, null, "too early", null, r)), Rejection.NOT_STARTED);
    assertRejected(kit.<Reply>runCommand(InterviewSession.End::new), Rejection.NOT_STARTED);
    assertEquals(1, journal().size(), "nothing was planned before the setup");
    assertTrue(kit.getState().questions().isEmpty());
  }

  @Test
  void setupPlansTheSessionsOwnNumberOfQuestionsAndAsksNoneUntilTheClientBegins() {
    interviewer.holdPlans();
    kit.<Reply>runCommand(r -> new InterviewSession.Start(PACED, r));
    CommandResultWithReply<Command, Event, State, Reply> setUp = kit.<Reply>runCommand(InterviewSession.Plan::new);
    assertInstanceOf(InterviewSession.PlanningRequested.class, setUp.event());
    assertEquals(Status.PLANNING, ((InterviewSession.Accepted) setUp.reply()).view().status());
    assertRejectedWith(kit.<Reply>runCommand(InterviewSession.Plan::new), Rejection.ALREADY_PLANNED, "AI setup is already under way");
    assertRejected(kit.<Reply>runCommand(r -> new InterviewSession.Begin("female", r)), Rejection.NOT_PLANNED);

    interviewer.releasePlans();
    State ready = awaitState(s -> s.status() == Status.READY);
    assertEquals(5, ready.questions().size(), "the context's count, not the node's 8");
    assertEquals(0, ready.askedCount());
    assertNull(ready.startedAt(), "the clock starts with the first question");
    assertRejectedWith(kit.<Reply>runCommand(InterviewSession.Plan::new), Rejection.ALREADY_PLANNED, "AI setup already completed");
    assertRejected(kit.<Reply>runCommand(r -> new InterviewSession.Advance(null, r)), Rejection.NOT_STARTED);

    CommandResultWithReply<Command, Event, State, Reply> begun = kit.<Reply>runCommand(r -> new InterviewSession.Begin("male", r));
    assertEquals(2, begun.events().size());
    SessionView view = ((InterviewSession.Accepted) begun.reply()).view();
    assertEquals(Status.IN_PROGRESS, view.status());
    assertEquals("male", view.voice());
    assertTrue(view.clientPaced());
    assertEquals(ready.questions().get(0), view.currentQuestion());
    assertFalse(view.voiced(), "the client fetches each line's audio itself");
    assertRejected(kit.<Reply>runCommand(r -> new InterviewSession.Begin("male", r)), Rejection.ALREADY_BEGUN);
  }

  @Test
  void theClientMovesOnAnsweredOrNotAndTheAnalysisNeverDoes() {
    State begun = begin();
    String first = begun.currentQuestion().id();
    kit.<Reply>runCommand(r -> new InterviewSession.SubmitAnswer(null, null, null, SampleData.strongAnswer(), null, r));
    State analysed = awaitState(s -> s.analyses().containsKey(first));
    assertEquals(1, analysed.askedCount(), "an analysis does not ask the next question of a client-paced interview");

    kit.<Reply>runCommand(r -> new InterviewSession.Advance(null, r));
    String second = kit.getState().currentQuestion().id();
    assertRejected(kit.<Reply>runCommand(r -> new InterviewSession.Advance(first, r)), Rejection.NOT_CURRENT_QUESTION);
    assertRejected(kit.<Reply>runCommand(r -> new InterviewSession.Advance("q99_nothing", r)), Rejection.UNKNOWN_QUESTION);

    // A skip: the client names the question it leaves unanswered.
    CommandResultWithReply<Command, Event, State, Reply> skipped = kit.<Reply>runCommand(r -> new InterviewSession.Advance(second, r));
    assertInstanceOf(InterviewSession.QuestionAsked.class, skipped.event());
    while (kit.getState().status() == Status.IN_PROGRESS) {
      kit.<Reply>runCommand(r -> new InterviewSession.Advance(null, r));
    }
    State done = awaitState(s -> s.status() == Status.COMPLETED);
    assertEquals(InterviewSession.EndReason.ALL_ANSWERED, done.endReason());
    assertEquals(1, done.answers().size());
    assertEquals(5, done.report().questions().size(), "the unanswered questions are in the report too");
    assertRejected(kit.<Reply>runCommand(r -> new InterviewSession.Advance(null, r)), Rejection.FINISHED);
  }

  @Test
  void anInterviewThatMovesOnByItselfTakesNoClientSteps() {
    SessionContext ordinary = new SessionContext(null, null, PACED.resume(), PACED.job(), PACED.preferences());
    kit.<Reply>runCommand(r -> new InterviewSession.Start(ordinary, r));
    awaitState(s -> s.status() == Status.IN_PROGRESS);
    assertRejected(kit.<Reply>runCommand(InterviewSession.Plan::new), Rejection.NOT_CLIENT_PACED);
    assertRejected(kit.<Reply>runCommand(r -> new InterviewSession.Begin("female", r)), Rejection.NOT_CLIENT_PACED);
    assertRejected(kit.<Reply>runCommand(r -> new InterviewSession.Advance(null, r)), Rejection.NOT_CLIENT_PACED);
  }

  @Test
  void aClientPacedInterviewSurvivesARestartInItsState() {
    begin();
    kit.<Reply>runCommand(r -> new InterviewSession.Advance(null, r));
    kit.restart();
    State restarted = kit.getState();
    assertEquals(Status.IN_PROGRESS, restarted.status());
    assertEquals(2, restarted.askedCount());
    assertEquals("female", restarted.context().voice());
    assertTrue(restarted.context().clientPaced());
  }

  @Test
  void anInterviewLeftBeforeItBeganIsAbandonedWhenIdle() {
    kit.<Reply>runCommand(r -> new InterviewSession.Start(PACED, r));
    kit.<Reply>runCommand(InterviewSession.Plan::new);
    awaitState(s -> s.status() == Status.READY);
    assertTrue(kit.runCommand(InterviewSession.Tick.INSTANCE).hasNoEvents());
    clock.advance(SETTINGS.idleTimeout().plusSeconds(1));
    assertInstanceOf(InterviewSession.SessionAbandoned.class, kit.runCommand(InterviewSession.Tick.INSTANCE).event());
    assertRejected(kit.<Reply>runCommand(r -> new InterviewSession.Begin("female", r)), Rejection.ABANDONED);
  }

  private State begin() {
    kit.<Reply>runCommand(r -> new InterviewSession.Start(PACED, r));
    kit.<Reply>runCommand(InterviewSession.Plan::new);
    awaitState(s -> s.status() == Status.READY);
    kit.<Reply>runCommand(r -> new InterviewSession.Begin("female", r));
    return kit.getState();
  }

  private static void assertRejected(CommandResultWithReply<Command, Event, State, Reply> result, Rejection reason) {
    Rejected rejected = assertInstanceOf(Rejected.class, result.reply());
    assertEquals(reason, rejected.reason(), rejected.message());
    assertFalse(rejected.message().isBlank());
    assertTrue(result.hasNoEvents(), "a rejected command must not persist anything");
  }

  private static void assertRejectedWith(CommandResultWithReply<Command, Event, State, Reply> result, Rejection reason,
      String message) {
    assertRejected(result, reason);
    assertEquals(message, ((Rejected) result.reply()).message());
  }

  private List<Object> journal() {
    return kit.persistenceTestKit().persistedInStorage(PersistenceId.of(InterviewSession.TYPE_KEY.name(), sessionId).id());
  }

  private State awaitState(Predicate<State> condition) {
    TestProbe<Object> probe = testKit.createTestProbe();
    return probe.awaitAssert(Duration.ofSeconds(10), () -> {
      State state = kit.getState();
      assertTrue(condition.test(state), () -> "state is " + state.status() + ", asked " + state.askedCount());
      return state;
    });
  }
}
