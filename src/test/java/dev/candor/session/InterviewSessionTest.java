package dev.candor.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.interview.InterviewPreferences;
import dev.candor.interview.Question;
import dev.candor.interview.Report;
import dev.candor.session.InterviewSession.AnswerAccepted;
import dev.candor.session.InterviewSession.AnswerRecorded;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.FishingOutcomes;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.testkit.ProcessingSuccess$;
import org.apache.pekko.persistence.testkit.StorageFailure;
import org.apache.pekko.persistence.testkit.WriteEvents;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every command in every state of the session, the wrong ones included: a clear rejection and no event. */
class InterviewSessionTest {

  private static final ActorTestKit testKit =
      ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(TestConfigs.local()));
  private static final SessionSettings SETTINGS = new SessionSettings(8, Duration.ofMinutes(30), Duration.ofMinutes(30),
      Duration.ofMinutes(2), Duration.ofSeconds(5), 20, 2, 1, Duration.ofMillis(50), Duration.ofSeconds(10), Duration.ofSeconds(10));
  private static final SessionContext CONTEXT = new SessionContext("cand-1", "job-1", SampleData.johnDoe(),
      SampleData.seniorEngineer(), new InterviewPreferences(30, null, List.of()));

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
    clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    kit = EventSourcedBehaviorTestKit.create(testKit.system(),
        InterviewSession.create(sessionId = "session-" + System.nanoTime(), interviewer, SETTINGS, clock, null));
  }

  // ---- NEW ----

  @Test
  void aNewSessionRejectsAnswersAndEndWithoutEvents() {
    CommandResultWithReply<Command, Event, State, Reply> answer = kit.<Reply>runCommand(r -> answer(null, null, "hello", r));
    assertRejected(answer, Rejection.NOT_STARTED);
    CommandResultWithReply<Command, Event, State, Reply> end = kit.runCommand(InterviewSession.End::new);
    assertRejected(end, Rejection.NOT_STARTED);
    CommandResultWithReply<Command, Event, State, SessionView> status = kit.runCommand(InterviewSession.GetStatus::new);
    assertEquals(Status.NEW, status.reply().status());
    assertTrue(status.hasNoEvents());
  }

  @Test
  void startPersistsTheContextThenPlansAndAsksTheFirstQuestion() {
    CommandResultWithReply<Command, Event, State, Reply> start = kit.<Reply>runCommand(r -> new InterviewSession.Start(CONTEXT, r));
    assertInstanceOf(InterviewSession.ContextSet.class, start.event());
    assertEquals(Status.PLANNING, ((InterviewSession.Accepted) start.reply()).view().status());

    State state = awaitState(s -> s.status() == Status.IN_PROGRESS);
    assertEquals(8, state.questions().size());
    InterviewSession.QuestionsPlanned planned = (InterviewSession.QuestionsPlanned) journal().get(1);
    assertEquals("rule-based", planned.engine(), "the event says who wrote the questions");
    assertEquals(1, state.askedCount());
    assertEquals(state.questions().get(0), state.currentQuestion());
    assertNotNull(state.startedAt());
  }

  // ---- PLANNING ----

  @Test
  void whilePlanningAnswersAndEndAreRejectedAndAStartWithAnotherJobIsRefused() {
    interviewer.holdPlans();
    kit.<Reply>runCommand(r -> new InterviewSession.Start(CONTEXT, r));

    assertRejected(kit.<Reply>runCommand(r -> answer(null, null, "too early", r)), Rejection.STILL_PLANNING);
    assertRejected(kit.runCommand(InterviewSession.End::new), Rejection.STILL_PLANNING);
    SessionContext otherJob = new SessionContext("cand-1", "job-2", CONTEXT.resume(), CONTEXT.job(), CONTEXT.preferences());
    assertRejected(kit.<Reply>runCommand(r -> new InterviewSession.Start(otherJob, r)), Rejection.CONTEXT_MISMATCH);

    CommandResultWithReply<Command, Event, State, Reply> again = kit.<Reply>runCommand(r -> new InterviewSession.Start(CONTEXT, r));
    assertTrue(again.hasNoEvents());
    assertEquals(Status.PLANNING, ((InterviewSession.Accepted) again.reply()).view().status());

    interviewer.releasePlans();
    awaitState(s -> s.status() == Status.IN_PROGRESS);
  }

  // ---- IN_PROGRESS ----

  @Test
  void anAnswerIsPersistedBeforeItIsAcknowledgedAndTheNextQuestionFollowsItsAnalysis() {
    State started = start();
    String first = started.currentQuestion().id();

    CommandResultWithReply<Command, Event, State, Reply> result = kit.<Reply>runCommand(r -> answer("a-1", null, SampleData.strongAnswer(), r));
    InterviewSession.AnswerRecorded recorded = assertInstanceOf(InterviewSession.AnswerRecorded.class, result.event());
    assertEquals(first, recorded.answer().questionId());
    AnswerAccepted accepted = assertInstanceOf(AnswerAccepted.class, result.reply());
    assertEquals("a-1", accepted.answerId());
    assertFalse(accepted.duplicate());

    State state = awaitState(s -> s.askedCount() == 2);
    assertNotNull(state.analyses().get(first));
    assertEquals(state.questions().get(1), state.currentQuestion());
    assertNotNull(state.lastAcknowledgement());
  }

  @Test
  void wrongAnswersInProgressAreRejectedWithoutEvents() {
    State started = start();
    String first = started.currentQuestion().id();
    String third = started.questions().get(2).id();

    CommandResultWithReply<Command, Event, State, Reply> again = kit.<Reply>runCommand(r -> new InterviewSession.Start(CONTEXT, r));
    assertTrue(again.hasNoEvents(), "starting a running interview again resumes it");
    assertEquals(started.currentQuestion(), ((InterviewSession.Accepted) again.reply()).view().currentQuestion());
    SessionContext otherCandidate = new SessionContext("cand-2", "job-1", CONTEXT.resume(), CONTEXT.job(), CONTEXT.preferences());
    assertRejected(kit.<Reply>runCommand(r -> new InterviewSession.Start(otherCandidate, r)), Rejection.CONTEXT_MISMATCH);

    assertRejected(kit.<Reply>runCommand(r -> answer(null, "q99_technical_nothing", "text", r)), Rejection.UNKNOWN_QUESTION);
    assertRejected(kit.<Reply>runCommand(r -> answer(null, third, "text", r)), Rejection.NOT_CURRENT_QUESTION);

    // The analysis is held, so its events cannot land while the next commands are checked for having none.
    interviewer.holdAnalyses();
    kit.<Reply>runCommand(r -> answer("a-1", first, SampleData.strongAnswer(), r));
    assertRejected(kit.<Reply>runCommand(r -> answer("a-2", first, "a second try", r)), Rejection.ALREADY_ANSWERED);

    CommandResultWithReply<Command, Event, State, Reply> sameWords = kit.<Reply>runCommand(
        r -> answer(null, first, SampleData.strongAnswer(), r));
    assertTrue(sameWords.hasNoEvents(), "the same words for the same question are a resend, not a second answer");
    assertEquals("a-1", ((AnswerAccepted) sameWords.reply()).answerId());

    CommandResultWithReply<Command, Event, State, Reply> resubmitted = kit.<Reply>runCommand(r -> answer("a-1", first, "whatever", r));
    assertTrue(resubmitted.hasNoEvents());
    AnswerAccepted duplicate = assertInstanceOf(AnswerAccepted.class, resubmitted.reply());
    assertTrue(duplicate.duplicate());
    assertEquals(first, duplicate.questionId());
    assertEquals(SampleData.strongAnswer(), kit.getState().answers().get(first).text());
    interviewer.releaseAnalyses();
  }

  @Test
  void aSecondDeliveryOrAResendAfterAReconnectIsTheAnswerAlreadyTakenWhereverTheInterviewHasMovedOn() {
    State started = start();
    String first = started.currentQuestion().id();
    CommandResultWithReply<Command, Event, State, Reply> taken = kit.<Reply>runCommand(
        r -> new InterviewSession.SubmitAnswer(null, "delivery-1", null, SampleData.strongAnswer(), null, r));
    assertEquals("delivery-1", ((AnswerRecorded) taken.event()).answer().answerId(), "an id-less answer is kept under its delivery id");
    State moved = awaitState(s -> s.askedCount() == 2);
    String second = moved.currentQuestion().id();

    CommandResultWithReply<Command, Event, State, Reply> again = kit.<Reply>runCommand(
        r -> new InterviewSession.SubmitAnswer(null, "delivery-1", null, "words the first delivery never had", null, r));
    assertTrue(again.hasNoEvents(), "a second delivery of one request changes nothing");
    assertEquals(first, ((AnswerAccepted) again.reply()).questionId());

    // A client on a new connection, shown nothing yet, resends the words it sent before its node died.
    CommandResultWithReply<Command, Event, State, Reply> resent = kit.<Reply>runCommand(
        r -> new InterviewSession.SubmitAnswer(null, "delivery-2", null, SampleData.strongAnswer(), null, r));
    assertTrue(resent.hasNoEvents(), "the last answer's words from a client shown no newer question are that answer");
    AnswerAccepted duplicate = assertInstanceOf(AnswerAccepted.class, resent.reply());
    assertTrue(duplicate.duplicate());
    assertEquals(first, duplicate.questionId());

    // The same words from a client that was shown the second question are an answer to it.
    CommandResultWithReply<Command, Event, State, Reply> repeated = kit.<Reply>runCommand(
        r -> new InterviewSession.SubmitAnswer(null, "delivery-3", second, SampleData.strongAnswer(), null, r));
    assertEquals(second, ((AnswerRecorded) repeated.event()).answer().questionId());
    assertFalse(((AnswerAccepted) repeated.reply()).duplicate());
  }

  @Test
  void aLateCopyOfAResendGetsWhatTheFirstCopyGotAfterTheInterviewMovedOn() {
    State started = start();
    String first = started.currentQuestion().id();
    kit.<Reply>runCommand(r -> new InterviewSession.SubmitAnswer(null, "delivery-1", null, SampleData.strongAnswer(), null, r));
    String second = awaitState(s -> s.askedCount() == 2).currentQuestion().id();
    // Resent on a new connection shown nothing yet: recognised as the first answer.
    CommandResultWithReply<Command, Event, State, Reply> resent = kit.<Reply>runCommand(
        r -> new InterviewSession.SubmitAnswer(null, "delivery-2", null, SampleData.strongAnswer(), null, r));
    assertEquals(first, ((AnswerAccepted) resent.reply()).questionId());
    kit.<Reply>runCommand(r -> new InterviewSession.SubmitAnswer(null, "delivery-3", second, "other words for the second", null, r));
    awaitState(s -> s.askedCount() == 3);

    // The node's next copy of that resend, held up while its shard moved, comes after the second answer.
    CommandResultWithReply<Command, Event, State, Reply> late = kit.<Reply>runCommand(
        r -> new InterviewSession.SubmitAnswer(null, "delivery-2", null, SampleData.strongAnswer(), null, r));
    assertTrue(late.hasNoEvents(), "a copy of a resend is not an answer to the question asked since");
    assertTrue(((AnswerAccepted) late.reply()).duplicate());
    assertEquals(first, ((AnswerAccepted) late.reply()).questionId());
  }

  @Test
  void theLastAnswerIsTheLatestQuestionsEvenWhenEveryAnswerCameAtTheSameInstant() {
    start();
    // The clock stands still: every answer carries the same time.
    for (int i = 1; i <= 4; i++) {
      int asked = i;
      awaitState(s -> s.askedCount() == asked);
      kit.<Reply>runCommand(r -> answer(null, null, "words of answer " + asked, r));
    }
    State moved = awaitState(s -> s.askedCount() == 5);
    assertEquals("words of answer 4", moved.lastAnswer().text());
    String fifth = moved.currentQuestion().id();

    CommandResultWithReply<Command, Event, State, Reply> resent = kit.<Reply>runCommand(r -> answer(null, null, "words of answer 4", r));
    assertTrue(resent.hasNoEvents(), "the last answer sent again by a client shown nothing is that answer");
    CommandResultWithReply<Command, Event, State, Reply> older = kit.<Reply>runCommand(r -> answer(null, null, "words of answer 1", r));
    assertEquals(fifth, ((AnswerRecorded) older.event()).answer().questionId(), "an older answer's words are a new answer");
  }

  @Test
  void answeringEveryQuestionCompletesTheInterviewWithAReportOfAllAnswers() {
    start();
    for (int i = 0; i < 8; i++) {
      int asked = i + 1;
      awaitState(s -> s.askedCount() == asked && !s.answers().containsKey(s.currentQuestion().id()));
      CommandResultWithReply<Command, Event, State, Reply> r = kit.<Reply>runCommand(ref -> answer("a" + asked, null,
          asked % 2 == 0 ? SampleData.strongAnswer() : "I am not sure, I think I would just try things until it works.", ref));
      assertInstanceOf(AnswerAccepted.class, r.reply());
    }
    State done = awaitState(s -> s.status() == Status.COMPLETED);
    Report report = done.report();
    assertEquals(8, report.questions().size());
    assertEquals(InterviewSession.EndReason.ALL_ANSWERED, done.endReason());
    double mean = done.analysesInOrder().stream().mapToInt(a -> a.score()).average().orElseThrow();
    assertEquals(Math.round(mean), report.overallScore());
    assertEquals(8, journal().stream().filter(e -> e instanceof InterviewSession.AnswerAnalysed).count());

    // ---- COMPLETED ----
    assertRejected(kit.<Reply>runCommand(r -> answer("late", null, "one more thing", r)), Rejection.FINISHED);
    CommandResultWithReply<Command, Event, State, Reply> resent = kit.<Reply>runCommand(r -> answer("a8", null, "whatever", r));
    assertTrue(resent.hasNoEvents());
    assertTrue(((AnswerAccepted) resent.reply()).duplicate(), "a known answer id stays idempotent after the end");
    CommandResultWithReply<Command, Event, State, Reply> rejoin = kit.<Reply>runCommand(r -> new InterviewSession.Start(CONTEXT, r));
    assertTrue(rejoin.hasNoEvents());
    assertEquals(report, ((InterviewSession.Accepted) rejoin.reply()).view().report(), "a client rejoining gets the report");
    assertRejected(kit.<Reply>runCommand(r -> new InterviewSession.Start(
        new SessionContext("someone-else", "job-1", CONTEXT.resume(), CONTEXT.job(), CONTEXT.preferences()), r)),
        Rejection.CONTEXT_MISMATCH);
    CommandResultWithReply<Command, Event, State, Reply> end = kit.runCommand(InterviewSession.End::new);
    assertTrue(end.hasNoEvents());
    assertEquals(Status.COMPLETED, ((InterviewSession.Accepted) end.reply()).view().status());
  }

  @Test
  void endingEarlyWaitsForPendingAnalysisThenReportsUnansweredQuestionsAsZero() {
    start();
    interviewer.holdAnalyses();
    kit.<Reply>runCommand(r -> answer("a-1", null, SampleData.strongAnswer(), r));
    CommandResultWithReply<Command, Event, State, Reply> end = kit.runCommand(InterviewSession.End::new);
    InterviewSession.InterviewEnding ending = assertInstanceOf(InterviewSession.InterviewEnding.class, end.event());
    assertEquals(InterviewSession.EndReason.ENDED_BY_CANDIDATE, ending.reason());

    // ---- FINISHING ----
    assertRejected(kit.<Reply>runCommand(r -> answer("a-2", null, "more", r)), Rejection.FINISHED);
    CommandResultWithReply<Command, Event, State, Reply> rejoin = kit.<Reply>runCommand(r -> new InterviewSession.Start(CONTEXT, r));
    assertTrue(rejoin.hasNoEvents());
    assertEquals(Status.FINISHING, ((InterviewSession.Accepted) rejoin.reply()).view().status());
    CommandResultWithReply<Command, Event, State, Reply> endAgain = kit.runCommand(InterviewSession.End::new);
    assertTrue(endAgain.hasNoEvents());
    assertEquals(Status.FINISHING, kit.getState().status());

    interviewer.releaseAnalyses();
    State done = awaitState(s -> s.status() == Status.COMPLETED);
    assertEquals(8, done.report().questions().size());
    int firstScore = done.analysesInOrder().get(0).score();
    assertTrue(firstScore > 0);
    assertEquals(Math.round(firstScore / 8.0), done.report().overallScore());
  }

  @Test
  void theTimeBudgetEndsTheInterview() {
    start();
    EventSourcedBehaviorTestKit.CommandResult<Command, Event, State> result = kit.runCommand(InterviewSession.TimeUp.INSTANCE);
    InterviewSession.InterviewEnding ending = assertInstanceOf(InterviewSession.InterviewEnding.class, result.event());
    assertEquals(InterviewSession.EndReason.TIME_UP, ending.reason());
    awaitState(s -> s.status() == Status.COMPLETED);
  }

  @Test
  void anIdleInterviewIsAbandonedAndThenRefusesEverything() {
    start();
    assertTrue(kit.runCommand(InterviewSession.Tick.INSTANCE).hasNoEvents());
    clock.advance(SETTINGS.idleTimeout().plusSeconds(1));
    assertInstanceOf(InterviewSession.SessionAbandoned.class, kit.runCommand(InterviewSession.Tick.INSTANCE).event());

    assertRejected(kit.<Reply>runCommand(r -> answer(null, null, "back again", r)), Rejection.ABANDONED);
    assertRejected(kit.<Reply>runCommand(r -> new InterviewSession.Start(CONTEXT, r)), Rejection.ABANDONED);
    assertRejected(kit.runCommand(InterviewSession.End::new), Rejection.ABANDONED);
  }

  // ---- recovery, subscribers, failures ----

  @Test
  void afterARestartAnAnswerWithoutAnalysisIsAnalysedExactlyOnce() {
    start();
    interviewer.holdAnalyses();
    kit.<Reply>runCommand(r -> answer("a-1", null, SampleData.strongAnswer(), r));
    kit.restart();
    interviewer.releaseAnalyses();
    State state = awaitState(s -> s.askedCount() == 2);
    assertEquals(1, journal().stream().filter(e -> e instanceof InterviewSession.AnswerAnalysed).count());
    assertEquals(1, state.analyses().size());
  }

  @Test
  void eventsAWriteReportedAsFailedStoredAnywayReachTheSubscribersAfterTheRestart() {
    interviewer.holdPlans();
    kit.<Reply>runCommand(r -> new InterviewSession.Start(CONTEXT, r));
    TestProbe<Notification> live = testKit.createTestProbe();
    TestProbe<InterviewSession.Subscription> subscriptions = testKit.createTestProbe();
    kit.runCommand(new InterviewSession.Subscribe(live.getRef(), null, subscriptions.getRef()));
    String persistenceId = PersistenceId.of(InterviewSession.TYPE_KEY.name(), sessionId).id();
    AtomicBoolean connectionBreaks = new AtomicBoolean(true);
    kit.persistenceTestKit().withPolicy((id, operation) -> {
      if (id.equals(persistenceId) && operation instanceof WriteEvents write && connectionBreaks.getAndSet(false)) {
        // The database committed the events, then the connection broke before it said so.
        kit.persistenceTestKit().persistForRecovery(persistenceId, write.getBatch());
        return StorageFailure.create(new IllegalStateException("connection reset while committing"));
      }
      return ProcessingSuccess$.MODULE$;
    });
    try {
      interviewer.releasePlans();
      SessionUpdate asked = (SessionUpdate) live.fishForMessage(Duration.ofSeconds(10), n ->
          n instanceof SessionUpdate u && u.event() instanceof InterviewSession.QuestionAsked
              ? FishingOutcomes.complete() : FishingOutcomes.continueAndIgnore()).get(0);
      assertEquals(0, ((InterviewSession.QuestionAsked) asked.event()).index());
      assertEquals(Status.IN_PROGRESS, asked.view().status());
      assertFalse(connectionBreaks.get(), "the write failed once");
      assertEquals(1, journal().stream().filter(e -> e instanceof InterviewSession.QuestionAsked).count());
      live.expectNoMessage(Duration.ofMillis(300));
    } finally {
      kit.persistenceTestKit().resetPolicy();
    }
  }

  @Test
  void theStateKeepsOnlyTheRecentEventsAndASubscriberFarBehindIsSentThose() {
    start();
    for (int i = 0; i < 8; i++) {
      int asked = i + 1;
      awaitState(s -> s.askedCount() == asked && !s.answers().containsKey(s.currentQuestion().id()));
      kit.<Reply>runCommand(ref -> answer("a" + asked, null, SampleData.strongAnswer(), ref));
    }
    State done = awaitState(s -> s.status() == Status.COMPLETED);
    List<Object> journal = journal();
    assertEquals(journal.size(), done.lastSeq(), "every event is numbered");
    assertEquals(InterviewSession.REPLAY_WINDOW, done.recent().size(), "the state does not grow with the journal");
    assertEquals(journal.get(journal.size() - 1), done.recentEvent(done.lastSeq()));
    assertNull(done.recentEvent(done.firstRecentSeq() - 1));
    Event lastAsked = (Event) journal.get((int) done.lastSpokenSeq() - 1);
    assertEquals(lastAsked, done.lastSpoken(), "the newest spoken line is kept whatever came after it");

    TestProbe<Notification> late = testKit.createTestProbe();
    TestProbe<InterviewSession.Subscription> subscriptions = testKit.createTestProbe();
    kit.runCommand(new InterviewSession.Subscribe(late.getRef(), 0L, subscriptions.getRef()));
    assertEquals(done.lastSeq(), subscriptions.receiveMessage().lastSeq());
    List<Notification> replayed = late.receiveSeveralMessages(InterviewSession.REPLAY_WINDOW);
    for (int i = 0; i < replayed.size(); i++) {
      SessionUpdate update = (SessionUpdate) replayed.get(i);
      assertEquals(done.firstRecentSeq() + i, update.seq());
      assertEquals(journal.get((int) update.seq() - 1), update.event(), "an update carries the event of its number");
    }
    late.expectNoMessage(Duration.ofMillis(100));
  }

  @Test
  void aSubscriberSubscribingAgainIsToldTheNumberItFirstSubscribedAt() {
    State started = start();
    TestProbe<Notification> live = testKit.createTestProbe();
    TestProbe<InterviewSession.Subscription> subscriptions = testKit.createTestProbe();
    kit.runCommand(new InterviewSession.Subscribe(live.getRef(), null, subscriptions.getRef()));
    assertEquals(started.lastSeq(), subscriptions.receiveMessage().lastSeq());
    kit.<Reply>runCommand(r -> answer("a-1", null, SampleData.strongAnswer(), r));
    List<Notification> sent = live.receiveSeveralMessages(3);

    // A copy of the same ask arriving late: its reply can reach the subscriber before the three updates do.
    kit.runCommand(new InterviewSession.Subscribe(live.getRef(), null, subscriptions.getRef()));
    assertEquals(started.lastSeq(), subscriptions.receiveMessage().lastSeq(),
        "the updates sent since it subscribed are not counted as seen");
    live.expectNoMessage(Duration.ofMillis(100));

    kit.runCommand(new InterviewSession.Unsubscribe(live.getRef()));
    kit.runCommand(new InterviewSession.Subscribe(live.getRef(), null, subscriptions.getRef()));
    assertEquals(((SessionUpdate) sent.get(2)).seq(), subscriptions.receiveMessage().lastSeq(),
        "a new subscription starts from the newest event");
  }

  @Test
  void subscribersReceiveNumberedUpdatesAndCanReplayFromANumber() {
    State started = start();
    TestProbe<Notification> live = testKit.createTestProbe();
    TestProbe<InterviewSession.Subscription> views = testKit.createTestProbe();
    kit.runCommand(new InterviewSession.Subscribe(live.getRef(), null, views.getRef()));
    assertEquals(started.lastSeq(), views.receiveMessage().lastSeq());
    live.expectNoMessage(Duration.ofMillis(100));

    kit.<Reply>runCommand(r -> answer("a-1", null, SampleData.strongAnswer(), r));
    SessionUpdate recorded = (SessionUpdate) live.receiveMessage();
    assertEquals(started.lastSeq() + 1, recorded.seq());
    assertInstanceOf(InterviewSession.AnswerRecorded.class, recorded.event());
    SessionUpdate analysed = (SessionUpdate) live.receiveMessage();
    assertInstanceOf(InterviewSession.AnswerAnalysed.class, analysed.event());
    SessionUpdate asked = (SessionUpdate) live.receiveMessage();
    assertInstanceOf(InterviewSession.QuestionAsked.class, asked.event());
    assertEquals(started.lastSeq() + 3, asked.seq());
    assertEquals(2, asked.view().questionsAsked());

    TestProbe<Notification> late = testKit.createTestProbe();
    kit.runCommand(new InterviewSession.Subscribe(late.getRef(), started.lastSeq(), views.getRef()));
    List<Notification> replayed = late.receiveSeveralMessages(3);
    assertEquals(List.of(started.lastSeq() + 1, started.lastSeq() + 2, started.lastSeq() + 3),
        replayed.stream().map(n -> ((SessionUpdate) n).seq()).toList());
  }

  @Test
  void aFailingInterviewerIsRetriedThenReportedAndResumedOnTheNextSubscription() {
    start();
    TestProbe<Notification> live = testKit.createTestProbe();
    TestProbe<InterviewSession.Subscription> subscriptions = testKit.createTestProbe();
    TestProbe<SessionView> views = testKit.createTestProbe();
    kit.runCommand(new InterviewSession.Subscribe(live.getRef(), null, subscriptions.getRef()));
    interviewer.failAnalyses(true);
    kit.<Reply>runCommand(r -> answer("a-1", null, SampleData.strongAnswer(), r));
    live.receiveMessage();
    SessionProblem problem = (SessionProblem) live.fishForMessage(Duration.ofSeconds(10),
        n -> n instanceof SessionProblem ? FishingOutcomes.complete() : FishingOutcomes.continueAndIgnore()).get(0);
    assertTrue(problem.recoverable());
    assertTrue(problem.message().contains("analysis provider unavailable"), problem.message());
    assertTrue(kit.getState().analyses().isEmpty());

    interviewer.failAnalyses(false);
    kit.runCommand(new InterviewSession.GetStatus(views.getRef()));
    State state = awaitState(s -> s.askedCount() == 2);
    assertEquals(1, state.analyses().size());
  }

  @Test
  void resultsThatArriveAfterTheStateMovedOnChangeNothing() {
    State started = start();
    Question first = started.currentQuestion();
    assertTrue(kit.runCommand(new InterviewSession.PlanReady(started.questions(), "rule-based")).hasNoEvents());
    assertTrue(kit.runCommand(new InterviewSession.ReportReady(null, "rule-based")).hasNoEvents());
    assertTrue(kit.runCommand(new InterviewSession.AnalysisReady(first.id(), null, "late", "rule-based")).hasNoEvents(),
        "an analysis for a question with no answer is dropped");
    assertTrue(kit.runCommand(new InterviewSession.RetryWork("report")).hasNoEvents());
    assertEquals(started.lastSeq(), kit.getState().lastSeq());
  }

  @Test
  void anEmptyPlanIsAFailureNotAnEvent() {
    interviewer.holdPlans();
    kit.<Reply>runCommand(r -> new InterviewSession.Start(CONTEXT, r));
    assertTrue(kit.runCommand(new InterviewSession.PlanReady(List.of(), "rule-based")).hasNoEvents());
    assertEquals(Status.PLANNING, kit.getState().status());
    interviewer.releasePlans();
    awaitState(s -> s.status() == Status.IN_PROGRESS);
  }

  @Test
  void aSessionStillPlanningIsAbandonedWhenIdle() {
    interviewer.holdPlans();
    kit.<Reply>runCommand(r -> new InterviewSession.Start(CONTEXT, r));
    Instant lastEvent = kit.getState().lastEventAt();
    clock.advance(SETTINGS.idleTimeout().plusMinutes(5));
    InterviewSession.SessionAbandoned abandoned =
        assertInstanceOf(InterviewSession.SessionAbandoned.class, kit.runCommand(InterviewSession.Tick.INSTANCE).event());
    assertEquals(lastEvent.plus(SETTINGS.idleTimeout()), abandoned.at(), "dated when the limit passed, not when noticed");
    interviewer.releasePlans();
  }

  @Test
  void aSessionReloadedAfterItsDeadlineEndsAtTheDeadline() {
    kit.<Reply>runCommand(r -> new InterviewSession.Start(new SessionContext("cand-1", "job-1", CONTEXT.resume(),
        CONTEXT.job(), new InterviewPreferences(10, null, List.of())), r));
    State started = awaitState(s -> s.status() == Status.IN_PROGRESS);
    Instant deadline = started.startedAt().plus(Duration.ofMinutes(10));
    clock.advance(Duration.ofMinutes(12));
    kit.restart();
    State ended = awaitState(s -> s.status() == Status.COMPLETED);
    assertEquals(InterviewSession.EndReason.TIME_UP, ended.endReason());
    assertEquals(deadline, ended.endedAt());
  }

  @Test
  void aSessionReloadedAfterItsIdleLimitIsAbandonedIfThatCameFirst() {
    InterviewSession.SessionContext longInterview = new SessionContext("cand-1", "job-1", CONTEXT.resume(), CONTEXT.job(),
        new InterviewPreferences(120, null, List.of()));
    kit.<Reply>runCommand(r -> new InterviewSession.Start(longInterview, r));
    State started = awaitState(s -> s.status() == Status.IN_PROGRESS);
    clock.advance(Duration.ofMinutes(200));
    kit.restart();
    State abandoned = awaitState(s -> s.status() == Status.ABANDONED);
    assertEquals(started.lastEventAt().plus(SETTINGS.idleTimeout()), abandoned.endedAt());
  }

  @Test
  void aSessionWithoutSubscribersAsksToBePassivatedWhenIdle() {
    TestProbe<ClusterSharding.ShardCommand> shard = testKit.createTestProbe();
    EventSourcedBehaviorTestKit<Command, Event, State> sharded = EventSourcedBehaviorTestKit.create(testKit.system(),
        InterviewSession.create("sharded-" + System.nanoTime(), interviewer, SETTINGS, clock, shard.getRef()));
    TestProbe<Notification> subscriber = testKit.createTestProbe();
    TestProbe<InterviewSession.Subscription> views = testKit.createTestProbe();
    sharded.runCommand(new InterviewSession.Subscribe(subscriber.getRef(), null, views.getRef()));
    clock.advance(SETTINGS.passivateAfter().plusSeconds(1));
    sharded.runCommand(InterviewSession.Tick.INSTANCE);
    shard.expectNoMessage(Duration.ofMillis(200));

    sharded.runCommand(new InterviewSession.Unsubscribe(subscriber.getRef()));
    sharded.runCommand(InterviewSession.Tick.INSTANCE);
    assertInstanceOf(ClusterSharding.Passivate.class, shard.receiveMessage());
  }

  @Test
  void anEndedSessionLeftAloneAsksToBePassivatedSoonWhileARunningOneStays() {
    SessionSettings soon = new SessionSettings(SETTINGS.questionCount(), SETTINGS.defaultMaxDuration(),
        SETTINGS.idleTimeout(), SETTINGS.passivateAfter(), Duration.ofMillis(100), SETTINGS.snapshotEvery(),
        SETTINGS.snapshotsKept(), SETTINGS.workerRetries(), SETTINGS.workerBackoff(), SETTINGS.workerTimeout(),
        SETTINGS.speechTimeout());
    TestProbe<ClusterSharding.ShardCommand> endedShard = testKit.createTestProbe();
    TestProbe<ClusterSharding.ShardCommand> runningShard = testKit.createTestProbe();
    EventSourcedBehaviorTestKit<Command, Event, State> ended = EventSourcedBehaviorTestKit.create(testKit.system(),
        InterviewSession.create("ended-" + System.nanoTime(), interviewer, soon, clock, endedShard.getRef()));
    EventSourcedBehaviorTestKit<Command, Event, State> running = EventSourcedBehaviorTestKit.create(testKit.system(),
        InterviewSession.create("running-" + System.nanoTime(), interviewer, soon, clock, runningShard.getRef()));
    TestProbe<Notification> subscriber = testKit.createTestProbe();
    TestProbe<InterviewSession.Subscription> views = testKit.createTestProbe();
    for (EventSourcedBehaviorTestKit<Command, Event, State> session : List.of(ended, running)) {
      session.runCommand(new InterviewSession.Subscribe(subscriber.getRef(), null, views.getRef()));
      session.<Reply>runCommand(r -> new InterviewSession.Start(CONTEXT, r));
    }
    awaitState(ended, s -> s.status() == Status.IN_PROGRESS);
    ended.runCommand(InterviewSession.End::new);
    awaitState(ended, s -> s.status() == Status.COMPLETED);
    clock.advance(Duration.ofSeconds(1));
    endedShard.expectNoMessage(Duration.ofMillis(500));

    ended.runCommand(new InterviewSession.Unsubscribe(subscriber.getRef()));
    running.runCommand(new InterviewSession.Unsubscribe(subscriber.getRef()));
    clock.advance(Duration.ofSeconds(1));
    assertInstanceOf(ClusterSharding.Passivate.class, endedShard.receiveMessage(Duration.ofSeconds(5)),
        "no client and nothing left to do: it leaves without waiting for the idle tick");
    running.runCommand(InterviewSession.Tick.INSTANCE);
    runningShard.expectNoMessage(Duration.ofMillis(500));
  }

  @Test
  void aSessionAskedToUnloadGoesThroughItsShardSoARememberingShardDoesNotRestartIt() {
    TestProbe<ClusterSharding.ShardCommand> shard = testKit.createTestProbe();
    EventSourcedBehaviorTestKit<Command, Event, State> sharded = EventSourcedBehaviorTestKit.create(testKit.system(),
        InterviewSession.create("unload-" + System.nanoTime(), interviewer, SETTINGS, clock, shard.getRef()));
    sharded.runCommand(InterviewSession.Unload.INSTANCE);
    assertInstanceOf(ClusterSharding.Passivate.class, shard.receiveMessage());
    assertNotNull(sharded.<SessionView>runCommand(InterviewSession.GetStatus::new).reply(),
        "it runs on until its shard sends the stop message");
  }

  // ---- helpers ----

  private State start() {
    kit.<Reply>runCommand(r -> new InterviewSession.Start(CONTEXT, r));
    return awaitState(s -> s.status() == Status.IN_PROGRESS);
  }

  private static InterviewSession.SubmitAnswer answer(String answerId, String questionId, String text,
      org.apache.pekko.actor.typed.ActorRef<Reply> replyTo) {
    return new InterviewSession.SubmitAnswer(answerId, null, questionId, text, null, replyTo);
  }

  @Test
  void aNodeWithTooMuchWorkInFlightRefusesNewInterviewsButTakesBackTheOnesItHolds() {
    assertInstanceOf(InterviewSession.Accepted.class, kit.<Reply>runCommand(r -> new InterviewSession.Start(CONTEXT, r)).reply());
    Admission admission = Admission.get(testKit.system());
    int overLimit = testKit.system().settings().config().getInt("candor.interview.max-in-flight") + 1;
    for (int i = 0; i < overLimit; i++) {
      admission.started();
    }
    EventSourcedBehaviorTestKit<Command, Event, State> fresh = EventSourcedBehaviorTestKit.create(testKit.system(),
        InterviewSession.create("session-busy-" + System.nanoTime(), interviewer, SETTINGS, clock, null));
    try {
      assertRejected(fresh.<Reply>runCommand(r -> new InterviewSession.Start(CONTEXT, r)), Rejection.BUSY);
      assertInstanceOf(InterviewSession.Accepted.class, kit.<Reply>runCommand(r -> new InterviewSession.Start(CONTEXT, r)).reply(),
          "a client rejoining its running interview is let in");
    } finally {
      admission.finished(overLimit);
    }
    assertInstanceOf(InterviewSession.Accepted.class, fresh.<Reply>runCommand(r -> new InterviewSession.Start(CONTEXT, r)).reply());
  }

  private static void assertRejected(CommandResultWithReply<Command, Event, State, Reply> result, Rejection reason) {
    Rejected rejected = assertInstanceOf(Rejected.class, result.reply());
    assertEquals(reason, rejected.reason(), rejected.message());
    assertFalse(rejected.message().isBlank());
    assertTrue(result.hasNoEvents(), "a rejected command must not persist anything");
  }

  /** The session's persisted events, as the journal holds them. */
  private List<Object> journal() {
    return kit.persistenceTestKit().persistedInStorage(PersistenceId.of(InterviewSession.TYPE_KEY.name(), sessionId).id());
  }

  private State awaitState(Predicate<State> condition) {
    return awaitState(kit, condition);
  }

  private State awaitState(EventSourcedBehaviorTestKit<Command, Event, State> session, Predicate<State> condition) {
    TestProbe<Object> probe = testKit.createTestProbe();
    return probe.awaitAssert(Duration.ofSeconds(10), () -> {
      State state = session.getState();
      assertTrue(condition.test(state), () -> "state is " + state.status() + ", asked " + state.askedCount());
      return state;
    });
  }
}
