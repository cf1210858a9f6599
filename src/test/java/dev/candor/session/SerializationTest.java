package dev.candor.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.interview.AnswerAnalysis;
import dev.candor.interview.AnsweredQuestion;
import dev.candor.interview.InterviewPreferences;
import dev.candor.interview.Question;
import dev.candor.interview.Report;
import dev.candor.interview.RuleBasedInterviewer;
import dev.candor.session.InterviewSession.SessionContext;
import dev.candor.testing.SampleData;
import dev.candor.testing.TestConfigs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.SerializationTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.jackson.JacksonCborSerializer;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every command, reply, event, state and notification survives Jackson CBOR, and no type is left out. */
class SerializationTest {

  private static final ActorTestKit testKit = ActorTestKit.create(TestConfigs.local());
  private static final Instant AT = Instant.parse("2026-11-22T10:15:30.123Z");

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void everyMessageTypeRoundTripsThroughCbor() {
    SerializationTestKit serialization = new SerializationTestKit(testKit.system());
    List<Object> samples = samples();
    for (Object sample : samples) {
      Object copy = serialization.verifySerialization(sample, true);
      assertEquals(sample, copy);
      assertTrue(SerializationExtension.get(testKit.system().classicSystem()).findSerializerFor(sample)
          instanceof JacksonCborSerializer, sample.getClass() + " must use Jackson CBOR");
    }
  }

  @Test
  void theSamplesCoverEverySealedType() {
    Set<Class<?>> covered = samples().stream().map(Object::getClass).collect(Collectors.toSet());
    List<Class<?>> missing = new ArrayList<>();
    Stream.of(InterviewSession.Command.class, InterviewSession.Reply.class, InterviewSession.Event.class, Notification.class)
        .flatMap(sealed -> Arrays.stream(sealed.getPermittedSubclasses()))
        .filter(type -> !covered.contains(type))
        .forEach(missing::add);
    assertEquals(List.of(), missing);
  }

  @Test
  void aSnapshotThatCarriedTheWholeEventLogIsReadAsTheNumberedStateWithItsNewestEvents() throws Exception {
    RuleBasedInterviewer interviewer = new RuleBasedInterviewer();
    SessionContext context = new SessionContext("cand-1", "job-1", SampleData.johnDoe(), SampleData.seniorEngineer(),
        InterviewPreferences.defaults());
    List<Question> questions = interviewer.plan(context.resume(), context.job(), context.preferences(), 8);
    List<InterviewSession.Event> log = new ArrayList<>(List.of(
        new InterviewSession.ContextSet(context, AT), new InterviewSession.QuestionsPlanned(questions, "rule-based", AT)));
    for (int i = 0; i < 6; i++) {
      Question question = questions.get(i);
      log.add(new InterviewSession.QuestionAsked(i, question.id(), null, AT.plusSeconds(i)));
      log.add(new InterviewSession.AnswerRecorded(
          new InterviewSession.RecordedAnswer("a-" + i, question.id(), SampleData.strongAnswer(), 40.0, AT), AT));
      log.add(new InterviewSession.AnswerAnalysed(question.id(),
          interviewer.analyse(question, SampleData.strongAnswer(), context.job(), 40.0), "rule-based", AT));
    }
    InterviewSession.State state = InterviewSession.State.empty();
    for (InterviewSession.Event event : log) {
      state = state.apply(event);
    }
    ObjectMapper mapper = JacksonObjectMapperProvider.get(testKit.system().classicSystem())
        .getOrCreate("jackson-cbor", Optional.empty());
    ObjectNode version1 = mapper.valueToTree(state);
    version1.remove(List.of("lastSeq", "recent", "lastSpokenSeq", "lastSpoken"));
    ArrayNode events = version1.putArray("log");
    log.forEach(event -> events.add(mapper.valueToTree(event)));

    Serialization serialization = SerializationExtension.get(testKit.system().classicSystem());
    int serializerId = serialization.findSerializerFor(state).identifier();
    Object read = serialization.deserialize(mapper.writeValueAsBytes(version1), serializerId,
        InterviewSession.State.class.getName()).get();

    assertEquals(state, read);
    InterviewSession.State migrated = (InterviewSession.State) read;
    assertEquals(20, migrated.lastSeq());
    assertEquals(log.get(19), migrated.recentEvent(20));
    assertEquals(20 - InterviewSession.REPLAY_WINDOW + 1, migrated.firstRecentSeq());
    assertEquals(18, migrated.lastSpokenSeq());
  }

  @Test
  void javaSerializationIsOff() {
    assertEquals("off", testKit.system().settings().config().getString("pekko.actor.allow-java-serialization"));
  }

  private static List<Object> samples() {
    RuleBasedInterviewer interviewer = new RuleBasedInterviewer();
    SessionContext context = new SessionContext("cand-1", "job-1", SampleData.johnDoe(), SampleData.seniorEngineer(),
        new InterviewPreferences(45, dev.candor.interview.Difficulty.HARD, List.of("react")));
    List<Question> questions = interviewer.plan(context.resume(), context.job(), context.preferences(), 8);
    Question first = questions.get(0);
    AnswerAnalysis analysis = interviewer.analyse(first, SampleData.strongAnswer(), context.job(), 62.5);
    Report report = interviewer.report(
        List.of(new AnsweredQuestion(first, SampleData.strongAnswer(), analysis)), context.resume(), context.job());
    InterviewSession.RecordedAnswer answer = new InterviewSession.RecordedAnswer("a-1", first.id(), SampleData.strongAnswer(), 62.5, AT);

    List<InterviewSession.Event> events = List.of(
        new InterviewSession.ContextSet(context, AT),
        new InterviewSession.QuestionsPlanned(questions, "openai:gpt-4o-mini", AT),
        new InterviewSession.QuestionAsked(0, first.id(), null, AT),
        new InterviewSession.AnswerRecorded(answer, AT),
        new InterviewSession.AnswerAnalysed(first.id(), analysis, "rule-based + relevance", AT),
        new InterviewSession.InterviewEnding(InterviewSession.EndReason.ENDED_BY_CANDIDATE, AT),
        new InterviewSession.InterviewCompleted(report, "rule-based", AT),
        new InterviewSession.SessionAbandoned(AT),
        new InterviewSession.RecordingReceived(new InterviewSession.PendingRecording("rec-1", first.id(), "webm"), AT),
        new InterviewSession.RecordingUnusable("rec-1", first.id(), InterviewSession.RecordingProblem.EMPTY, "silence", AT),
        new InterviewSession.UtteranceSpoken(3, "speech-ab12", "audio/mpeg", AT),
        new InterviewSession.FollowUpAdded(new Question(first.id() + "_followup", "What did you measure?", first.type(),
            first.difficulty(), 60, first.topic()), "The answer did not say how it turned out", AT),
        new InterviewSession.PlanningRequested(AT),
        new InterviewSession.InterviewBegun("male", AT),
        new InterviewSession.VoiceChosen("female", AT));
    InterviewSession.State state = InterviewSession.State.empty();
    for (InterviewSession.Event event : events.subList(0, 4)) {
      state = state.apply(event);
    }
    state = state.apply(events.get(8)).apply(events.get(10));
    for (InterviewSession.Event event : events.subList(4, 7)) {
      state = state.apply(event);
    }
    SessionView view = SessionView.of("s-1", state, true);

    ActorRef<InterviewSession.Reply> replies = testKit.<InterviewSession.Reply>createTestProbe().getRef();
    ActorRef<SessionView> views = testKit.<SessionView>createTestProbe().getRef();
    ActorRef<Notification> subscriber = testKit.<Notification>createTestProbe().getRef();
    ActorRef<InterviewSession.Subscription> subscriptions = testKit.<InterviewSession.Subscription>createTestProbe().getRef();
    ActorRef<InterviewSession.Command> session = testKit.<InterviewSession.Command>createTestProbe().getRef();

    List<Object> samples = new ArrayList<>(events);
    samples.addAll(List.of(
        new InterviewSession.Start(context, replies),
        new InterviewSession.SubmitAnswer("a-1", "d-1", first.id(), "text", 30.0, replies),
        new InterviewSession.End(replies),
        new InterviewSession.Plan(replies),
        new InterviewSession.Begin("female", replies),
        new InterviewSession.Advance(first.id(), replies),
        new InterviewSession.ChooseVoice(null, replies),
        new InterviewSession.GetStatus(views),
        new InterviewSession.GetAnswers(testKit.<InterviewSession.Answers>createTestProbe().getRef()),
        new InterviewSession.Answers(java.util.Map.of(first.id(), answer), java.util.Map.of(first.id(), analysis),
            java.util.Set.of("q2")),
        new InterviewSession.Start(InterviewSession.SessionContext.clientPaced(null, null, context.resume(), context.job(),
            context.preferences(), 5), replies),
        new InterviewSession.Subscribe(subscriber, 3L, subscriptions),
        new InterviewSession.Subscription(3L, session),
        new InterviewSession.Unsubscribe(subscriber),
        new InterviewSession.PlanReady(questions, "rule-based"),
        new InterviewSession.AnalysisReady(first.id(), analysis, "Thanks.", "rule-based"),
        new InterviewSession.ReportReady(report, "rule-based"),
        new InterviewSession.SubmitRecording("rec-1", first.id(), "webm", replies),
        new InterviewSession.TranscriptReady("rec-1", first.id(), "I led the migration", 12.5),
        new InterviewSession.RecordingFailed("rec-1", first.id(), InterviewSession.RecordingProblem.INVALID, "not audio"),
        new InterviewSession.SpeechReady(3, "speech-ab12", "audio/mpeg"),
        new InterviewSession.SpeechRefused(3, "unknown voice"),
        new InterviewSession.SpeechPrepared("prepare:q2"),
        new InterviewSession.RecordingAccepted("rec-1", first.id()),
        new InterviewSession.WorkFailed("report", "timeout"),
        new InterviewSession.RetryWork("report"),
        new InterviewSession.SubscriberGone(subscriber),
        InterviewSession.TimeUp.INSTANCE,
        InterviewSession.TellTime.INSTANCE,
        InterviewSession.Tick.INSTANCE,
        InterviewSession.Passivate.INSTANCE,
        InterviewSession.Unload.INSTANCE,
        new InterviewSession.Accepted(view),
        new InterviewSession.AnswerAccepted("a-1", first.id(), false),
        new InterviewSession.Rejected(InterviewSession.Rejection.ALREADY_ANSWERED, "already answered"),
        state,
        view,
        new SessionUpdate(3, events.get(2), view),
        new SessionProblem(SessionProblem.Work.ANALYSIS, "provider down", true, view),
        new ClockTick(1_770, view)));
    return samples;
  }
}
