package dev.candor.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.ai.speech.SpeechAudio;
import dev.candor.ai.speech.SpeechException;
import dev.candor.ai.speech.SpeechToText;
import dev.candor.ai.speech.TextToSpeech;
import dev.candor.ai.speech.Transcript;
import dev.candor.interview.InterviewPreferences;
import dev.candor.session.InterviewSession.Command;
import dev.candor.session.InterviewSession.Event;
import dev.candor.session.InterviewSession.Reply;
import dev.candor.session.InterviewSession.SessionContext;
import dev.candor.session.InterviewSession.State;
import dev.candor.session.InterviewSession.Status;
import dev.candor.testing.GatedInterviewer;
import dev.candor.testing.MemoryAudioStore;
import dev.candor.testing.MutableClock;
import dev.candor.testing.SampleData;
import dev.candor.testing.TestConfigs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A spoken interview in the session entity: recordings become answers through the speech port, every
 * question is voiced once, and audio that cannot be understood leaves the question open. The speech
 * ports answer from scripts here; the real engines are exercised by the voice-loop contract test.
 */
class SpokenSessionTest {

  private static final ActorTestKit testKit =
      ActorTestKit.create(EventSourcedBehaviorTestKit.config().withFallback(TestConfigs.local()));
  private static final SessionSettings SETTINGS = new SessionSettings(5, Duration.ofMinutes(30), Duration.ofMinutes(30),
      Duration.ofMinutes(2), Duration.ofSeconds(5), 20, 2, 2, Duration.ofMillis(20), Duration.ofSeconds(10), Duration.ofSeconds(10));
  private static final SessionContext SPOKEN = new SessionContext(null, null, SampleData.johnDoe(),
      SampleData.seniorEngineer(), new InterviewPreferences(30, null, List.of()), "female", false);
  private static final SessionContext CONVERSATION = new SessionContext(null, null, SampleData.johnDoe(),
      SampleData.seniorEngineer(), new InterviewPreferences(30, null, List.of()), "female", true);

  /** Transcribes a recording to the text stored in it; "" is silence; "FAIL n" fails n times, then hears "recovered". */
  private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> spokenTexts = new ConcurrentLinkedQueue<>();
  private final MemoryAudioStore audio = new MemoryAudioStore();
  /** "HOLD" recordings are heard only once this opens. */
  private final java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
  /** Lines starting with these words fail once at the provider, then are spoken. */
  private final Map<String, AtomicInteger> voiceFailures = new ConcurrentHashMap<>();
  private final AtomicInteger voiceCalls = new AtomicInteger();
  private EventSourcedBehaviorTestKit<Command, Event, State> kit;
  private String sessionId;
  private MutableClock clock;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void setUp() {
    SpeechToText ears = clip -> {
      String said = new String(clip.bytes(), StandardCharsets.UTF_8);
      if (said.equals("GARBAGE")) {
        throw new SpeechException(SpeechException.Kind.INVALID_AUDIO, "not a recognisable audio file");
      }
      if (said.equals("HOLD")) {
        try {
          held.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return new Transcript("I held the release until the payment tests passed", "en", 5.0, List.of());
      }
      if (said.startsWith("FAIL")) {
        AtomicInteger left = failuresLeft.computeIfAbsent(said, k -> new AtomicInteger(Integer.parseInt(k.substring(5))));
        if (left.getAndDecrement() > 0) {
          throw new SpeechException(SpeechException.Kind.PROVIDER_UNAVAILABLE, "recogniser down");
        }
        return new Transcript("recovered answer about leading a migration", "en", 4.0, List.of());
      }
      return new Transcript(said, "en", 4.0, List.of());
    };
    TextToSpeech voice = (text, name) -> {
      voiceCalls.incrementAndGet();
      if (name.equals("nobody")) {
        throw new SpeechException(SpeechException.Kind.PROVIDER_REJECTED, "voice 'nobody' does not exist");
      }
      for (Map.Entry<String, AtomicInteger> failing : voiceFailures.entrySet()) {
        if (text.startsWith(failing.getKey()) && failing.getValue().getAndDecrement() > 0) {
          throw new SpeechException(SpeechException.Kind.PROVIDER_UNAVAILABLE, "voice down");
        }
      }
      spokenTexts.add(text);
      return new SpeechAudio(("mp3 of " + text).getBytes(StandardCharsets.UTF_8), "audio/mpeg");
    };
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), InterviewSession.create(sessionId = "spoken-" + System.nanoTime(),
        new GatedInterviewer(), new SpeechServices(ears, voice, "scripted", audio), SETTINGS,
        clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z")), null));
  }

  @Test
  void aRecordingBecomesTheAnswerAndEveryQuestionIsVoicedOnce() throws Exception {
    kit.<Reply>runCommand(r -> new InterviewSession.Start(SPOKEN, r));
    State asked = awaitState(s -> s.status() == Status.IN_PROGRESS && s.spoken().size() == 1);
    String firstQuestion = asked.currentQuestion().id();
    UtteranceCheck.greetingSpoken(asked, List.copyOf(spokenTexts), audio);
    // While the candidate answers, the next question is spoken ahead.
    String secondQuestion = asked.questions().get(1).text();
    testKit.createTestProbe().awaitAssert(Duration.ofSeconds(5), () -> {
      assertTrue(spokenTexts.contains(secondQuestion), "spoken so far: " + spokenTexts);
      return null;
    });

    Reply reply = record("rec-1", "I led a team of five engineers through a billing migration");
    assertInstanceOf(InterviewSession.RecordingAccepted.class, reply);
    State answered = awaitState(s -> s.askedCount() == 2 && s.spoken().size() == 2);
    InterviewSession.RecordedAnswer answer = answered.answers().get(firstQuestion);
    assertEquals("rec-1", answer.answerId());
    assertEquals("I led a team of five engineers through a billing migration", answer.text());
    assertEquals(4.0, answer.durationSeconds());
    assertTrue(answered.analyses().containsKey(firstQuestion));
    assertTrue(answered.recordings().isEmpty());
    String remark = lastOf(answered, InterviewSession.QuestionAsked.class).acknowledgement();
    String secondLine = new String(audio.load(answered.spoken().get(answered.lastSpokenSeq()).audioId()).orElseThrow().bytes(),
        StandardCharsets.UTF_8);
    assertEquals("mp3 of " + remark + "mp3 of " + secondQuestion, secondLine, "the remark, then the question made ahead");
    assertEquals(spokenTexts.size(), new java.util.HashSet<>(spokenTexts).size(), "no words synthesised twice: " + spokenTexts);

    // Another recording for an answered question is refused.
    assertTrue(kit.<Reply>runCommand(r -> new InterviewSession.SubmitRecording("rec-again", firstQuestion, "webm", r))
        .reply() instanceof InterviewSession.Rejected, "the first question is answered now");
    // The same recording delivered again (a node's retry after a slow first reply) is acknowledged as it was.
    var redelivered = kit.<Reply>runCommand(r -> new InterviewSession.SubmitRecording("rec-1", null, "webm", r));
    assertTrue(redelivered.hasNoEvents());
    assertEquals(firstQuestion, assertInstanceOf(InterviewSession.RecordingAccepted.class, redelivered.reply()).questionId());
  }

  @Test
  void silenceAndGarbageLeaveTheQuestionOpenAndNeverScored() throws Exception {
    kit.<Reply>runCommand(r -> new InterviewSession.Start(SPOKEN, r));
    State asked = awaitState(s -> s.status() == Status.IN_PROGRESS);
    String question = asked.currentQuestion().id();

    record("rec-silent", "");
    State afterSilence = awaitState(s -> journal().stream().anyMatch(e -> e instanceof InterviewSession.RecordingUnusable));
    InterviewSession.RecordingUnusable silent = lastOf(afterSilence, InterviewSession.RecordingUnusable.class);
    assertEquals(InterviewSession.RecordingProblem.EMPTY, silent.problem());
    assertTrue(afterSilence.answers().isEmpty());

    record("rec-garbage", "GARBAGE");
    State afterGarbage = awaitState(s -> journal().stream().filter(e -> e instanceof InterviewSession.RecordingUnusable).count() == 2);
    assertEquals(InterviewSession.RecordingProblem.INVALID, lastOf(afterGarbage, InterviewSession.RecordingUnusable.class).problem());
    assertTrue(afterGarbage.analyses().isEmpty(), "nothing unusable is scored");
    assertEquals(question, afterGarbage.currentQuestion().id());

    record("rec-good", "I would measure first and then fix the slowest query");
    State answered = awaitState(s -> s.answers().containsKey(question));
    assertEquals("rec-good", answered.answers().get(question).answerId());
  }

  @Test
  void aRecogniserThatIsDownIsRetriedAndTheAnswerIsKeptOnce() throws Exception {
    kit.<Reply>runCommand(r -> new InterviewSession.Start(SPOKEN, r));
    State asked = awaitState(s -> s.status() == Status.IN_PROGRESS);
    String question = asked.currentQuestion().id();
    record("rec-flaky", "FAIL 2");
    State answered = awaitState(s -> s.answers().containsKey(question));
    assertEquals("recovered answer about leading a migration", answered.answers().get(question).text());
    assertEquals(1, journal().stream().filter(e -> e instanceof InterviewSession.AnswerRecorded).count());
  }

  @Test
  void aRestartReissuesAPendingTranscriptionWithoutDuplicatingEvents() throws Exception {
    kit.<Reply>runCommand(r -> new InterviewSession.Start(SPOKEN, r));
    State asked = awaitState(s -> s.status() == Status.IN_PROGRESS && s.spoken().size() == 1);
    String question = asked.currentQuestion().id();
    // Down for longer than the session's retries: the recording stays pending across the restart.
    record("rec-pending", "FAIL 3");
    TestProbe<Object> probe = testKit.createTestProbe();
    probe.awaitAssert(Duration.ofSeconds(10), () -> {
      assertEquals(0, failuresLeft.get("FAIL 3").get(), "every attempt the session allows has failed");
      return null;
    });
    // A client that resends the recording it is waiting on is told it was taken, and nothing is persisted.
    var resent = kit.<Reply>runCommand(r -> new InterviewSession.SubmitRecording("rec-pending", null, "webm", r));
    assertInstanceOf(InterviewSession.RecordingAccepted.class, resent.reply());
    assertTrue(resent.hasNoEvents());
    kit.restart();
    State answered = awaitState(s -> s.answers().containsKey(question) && s.spoken().size() == 2);
    assertEquals(1, journal().stream().filter(e -> e instanceof InterviewSession.RecordingReceived).count());
    assertEquals(1, journal().stream().filter(e -> e instanceof InterviewSession.AnswerRecorded).count());
    assertEquals(2, journal().stream().filter(e -> e instanceof InterviewSession.UtteranceSpoken).count());
  }

  @Test
  void aThinAnswerGetsOneFollowUpWhenTheSessionAsksThem() throws Exception {
    kit.<Reply>runCommand(r -> new InterviewSession.Start(CONVERSATION, r));
    State asked = awaitState(s -> s.status() == Status.IN_PROGRESS);
    String first = asked.currentQuestion().id();
    int planned = asked.questions().size();

    record("rec-thin", "I fixed it.");
    State followed = awaitState(s -> s.askedCount() == 2);
    assertEquals(first + InterviewSession.FOLLOW_UP_SUFFIX, followed.currentQuestion().id());
    assertEquals(planned + 1, followed.questions().size());
    assertEquals(followed.analyses().get(first).followUp(), followed.currentQuestion().text());
    assertTrue(journal().stream().anyMatch(e -> e instanceof InterviewSession.FollowUpAdded));

    // The planned question was spoken ahead, but the line asks the follow-up, in its own words.
    String planned2 = asked.questions().get(1).text();
    State voicedFollowUp = awaitState(s -> s.askedCount() == 2 && s.spoken().containsKey(s.lastSpokenSeq()));
    assertEquals("mp3 of " + lastOf(voicedFollowUp, InterviewSession.QuestionAsked.class).acknowledgement() + "mp3 of "
        + voicedFollowUp.currentQuestion().text(), lineAudio(voicedFollowUp));
    assertTrue(spokenTexts.contains(planned2), "spoken ahead: " + spokenTexts);

    // A thin answer to the follow-up itself moves on to the next planned question, whose audio was made before.
    record("rec-thin-again", "Not sure.");
    State moved = awaitState(s -> s.askedCount() == 3 && s.spoken().containsKey(s.lastSpokenSeq()));
    assertEquals(asked.questions().get(1).id(), moved.currentQuestion().id());
    assertEquals(planned + 1, moved.questions().size());
    assertTrue(lineAudio(moved).endsWith("mp3 of " + planned2), lineAudio(moved));
    assertEquals(1, spokenTexts.stream().filter(planned2::equals).count(), "spoken once: " + spokenTexts);
  }

  /** The audio of the line the session spoke last, as the test voice makes it ("mp3 of " and the words). */
  private String lineAudio(State state) throws Exception {
    return new String(audio.load(state.spoken().get(state.lastSpokenSeq()).audioId()).orElseThrow().bytes(),
        StandardCharsets.UTF_8);
  }

  @Test
  void theContextBoundsTheFollowUpsOfAWholeInterviewAndEachSaysWhy() {
    kit.<Reply>runCommand(r -> new InterviewSession.Start(CONVERSATION.withFollowUps(1), r));
    State asked = awaitState(s -> s.status() == Status.IN_PROGRESS);
    answer("I fixed it.");
    State followed = awaitState(s -> s.askedCount() == 2);
    assertTrue(followed.currentQuestion().id().endsWith(InterviewSession.FOLLOW_UP_SUFFIX));
    InterviewSession.FollowUpAdded added = lastOf(followed, InterviewSession.FollowUpAdded.class);
    assertEquals(followed.analyses().get(asked.currentQuestion().id()).followUpReason(), added.reason());
    assertTrue(added.reason() != null && !added.reason().isBlank());

    answer("Not sure.");
    awaitState(s -> s.askedCount() == 3);
    answer("I fixed it.");
    State moved = awaitState(s -> s.askedCount() == 4);
    assertEquals(asked.questions().get(2).id(), moved.currentQuestion().id(), "the one follow-up allowed is spent");
  }

  @Test
  void aVoiceChosenMidInterviewSpeaksTheOpenQuestionAndItsAbsenceSilencesTheNext() {
    SessionContext text = new SessionContext(null, null, SampleData.johnDoe(), SampleData.seniorEngineer(),
        new InterviewPreferences(30, null, List.of()));
    assertEquals(InterviewSession.Rejection.NOT_STARTED, ((InterviewSession.Rejected) kit.<Reply>runCommand(
        r -> new InterviewSession.ChooseVoice("female", r)).reply()).reason());
    kit.<Reply>runCommand(r -> new InterviewSession.Start(text, r));
    State silent = awaitState(s -> s.status() == Status.IN_PROGRESS);
    assertTrue(silent.spoken().isEmpty());

    var chosen = kit.<Reply>runCommand(r -> new InterviewSession.ChooseVoice("female", r));
    assertInstanceOf(InterviewSession.VoiceChosen.class, chosen.event());
    assertEquals("female", ((InterviewSession.Accepted) chosen.reply()).view().voice());
    State spoken = awaitState(s -> s.spoken().containsKey(s.lastSpokenSeq()));
    assertTrue(spokenTexts.contains(spoken.currentQuestion().text()), "the open question is spoken at once");
    // The next question, spoken ahead, is the last thing this voice says.
    testKit.createTestProbe().awaitAssert(Duration.ofSeconds(5), () -> {
      assertTrue(spokenTexts.contains(spoken.questions().get(1).text()), "spoken so far: " + spokenTexts);
      return null;
    });
    assertTrue(kit.<Reply>runCommand(r -> new InterviewSession.ChooseVoice("female", r)).hasNoEvents(), "the same voice again");

    kit.<Reply>runCommand(r -> new InterviewSession.ChooseVoice(null, r));
    int voiced = spokenTexts.size();
    answer("I led a team of five engineers through a billing migration and cut costs by 20 percent.");
    State next = awaitState(s -> s.askedCount() == 2);
    assertEquals(null, next.context().voice());
    assertEquals(voiced, spokenTexts.size(), "nothing more is spoken");
  }

  @Test
  void aClockedSessionTellsItsSubscribersTheTimeLeft() {
    kit.<Reply>runCommand(r -> new InterviewSession.Start(SPOKEN.withClock(1), r));
    // Subscribed once the first question is spoken: the spoken line's update would otherwise race the first tick.
    awaitState(s -> s.status() == Status.IN_PROGRESS && s.spoken().containsKey(s.lastSpokenSeq()));
    TestProbe<Notification> subscriber = testKit.createTestProbe();
    kit.<InterviewSession.Subscription>runCommand(r -> new InterviewSession.Subscribe(subscriber.getRef(), null, r));
    assertEquals(30 * 60, subscriber.expectMessageClass(ClockTick.class, Duration.ofSeconds(3)).secondsLeft());
    clock.advance(Duration.ofSeconds(90));
    long later;
    do {
      later = subscriber.expectMessageClass(ClockTick.class, Duration.ofSeconds(3)).secondsLeft();
    } while (later == 30 * 60);
    assertEquals(30 * 60 - 90, later, "counted from the start by the session's clock");
  }

  private void answer(String text) {
    assertInstanceOf(InterviewSession.AnswerAccepted.class,
        kit.<Reply>runCommand(r -> new InterviewSession.SubmitAnswer(null, null, null, text, null, r)).reply());
  }

  @Test
  void withoutFollowUpsAThinAnswerMovesOn() throws Exception {
    kit.<Reply>runCommand(r -> new InterviewSession.Start(SPOKEN, r));
    State asked = awaitState(s -> s.status() == Status.IN_PROGRESS);
    record("rec-thin", "I fixed it.");
    State moved = awaitState(s -> s.askedCount() == 2);
    assertEquals(asked.questions().get(1).id(), moved.currentQuestion().id());
    assertTrue(moved.analyses().values().iterator().next().followUp() != null, "the analysis did suggest one");
  }

  @Test
  void aRecordingStillBeingHeardWhenTheInterviewEndsIsInTheReport() throws Exception {
    kit.<Reply>runCommand(r -> new InterviewSession.Start(SPOKEN, r));
    State asked = awaitState(s -> s.status() == Status.IN_PROGRESS);
    String question = asked.currentQuestion().id();
    record("rec-held", "HOLD");
    kit.<Reply>runCommand(InterviewSession.End::new);
    assertEquals(Status.FINISHING, awaitState(s -> s.status() == Status.FINISHING).status());
    held.countDown();
    State done = awaitState(s -> s.status() == Status.COMPLETED);
    assertEquals("I held the release until the payment tests passed", done.answers().get(question).text());
    assertTrue(done.analyses().containsKey(question), "analysed before the report was written");
  }

  @Test
  void theClosingLineIsSpokenEvenWhenTheReportIsWrittenFirst() throws Exception {
    voiceFailures.put("Thank you for your time", new AtomicInteger(1));
    kit.<Reply>runCommand(r -> new InterviewSession.Start(SPOKEN, r));
    awaitState(s -> s.status() == Status.IN_PROGRESS && s.spoken().size() == 1);
    kit.<Reply>runCommand(InterviewSession.End::new);
    State done = awaitState(s -> s.status() == Status.COMPLETED && s.spoken().containsKey(s.lastSpokenSeq()));
    assertTrue(journal().get((int) done.lastSpokenSeq() - 1) instanceof InterviewSession.InterviewEnding);
  }

  @Test
  void aVoiceTheProviderRefusesIsNotRetriedAndTheTextStands() throws Exception {
    SessionContext unknownVoice = new SessionContext(null, null, SampleData.johnDoe(), SampleData.seniorEngineer(),
        new InterviewPreferences(30, null, List.of()), "nobody", false);
    kit.<Reply>runCommand(r -> new InterviewSession.Start(unknownVoice, r));
    State asked = awaitState(s -> s.status() == Status.IN_PROGRESS);
    TestProbe<Object> probe = testKit.createTestProbe();
    probe.awaitAssert(Duration.ofSeconds(5), () -> {
      assertEquals(1, voiceCalls.get());
      return null;
    });
    Thread.sleep(300);
    assertEquals(1, voiceCalls.get(), "a refusal is not retried (backoff here is 20 ms)");
    assertTrue(kit.getState().spoken().isEmpty());
    assertEquals(asked.currentQuestion(), kit.getState().currentQuestion());
  }

  @Test
  void aClientPacedInterviewMovesOnWhileARecordingIsHeardAndSpeaksNothingItself() throws Exception {
    SessionContext paced = SessionContext.clientPaced(null, null, SampleData.johnDoe(), SampleData.seniorEngineer(),
        new InterviewPreferences(30, null, List.of()), 5);
    kit.<Reply>runCommand(r -> new InterviewSession.Start(paced, r));
    kit.<Reply>runCommand(InterviewSession.Plan::new);
    awaitState(s -> s.status() == Status.READY);
    kit.<Reply>runCommand(r -> new InterviewSession.Begin("female", r));
    String first = kit.getState().currentQuestion().id();
    audio.save("rec-first", "HOLD".getBytes(StandardCharsets.UTF_8), "video/webm");
    assertInstanceOf(InterviewSession.RecordingAccepted.class,
        kit.<Reply>runCommand(r -> new InterviewSession.SubmitRecording("rec-first", first, "webm", r)).reply());

    kit.<Reply>runCommand(r -> new InterviewSession.Advance(null, r));
    State second = kit.getState();
    assertEquals(2, second.askedCount(), "the client moved on without waiting for the transcript");
    assertTrue(second.recordings().containsKey(first));
    // A late recording of a question already asked is taken too; one not asked yet would not be.
    audio.save("rec-late", "late words about the payment service".getBytes(StandardCharsets.UTF_8), "video/webm");
    assertInstanceOf(InterviewSession.RecordingAccepted.class,
        kit.<Reply>runCommand(r -> new InterviewSession.SubmitRecording("rec-late", second.currentQuestion().id(), "webm", r)).reply());

    kit.<Reply>runCommand(InterviewSession.End::new);
    assertEquals(Status.FINISHING, kit.getState().status(), "the report waits for the recording still being heard");
    held.countDown();
    State done = awaitState(s -> s.status() == Status.COMPLETED);
    assertEquals("I held the release until the payment tests passed", done.answers().get(first).text());
    assertEquals(2, done.analyses().size());
    assertEquals(0, voiceCalls.get(), "the client asks for each line's audio itself");
    assertEquals("female", done.context().voice());
  }

  private Reply record(String id, String words) throws Exception {
    audio.save(id, words.getBytes(StandardCharsets.UTF_8), "audio/webm");
    return kit.<Reply>runCommand(r -> new InterviewSession.SubmitRecording(id, null, "webm", r)).reply();
  }

  private <T extends Event> T lastOf(State state, Class<T> type) {
    List<Object> matching = journal().stream().filter(type::isInstance).toList();
    return type.cast(matching.get(matching.size() - 1));
  }

  /** The session's persisted events, as the journal holds them. */
  private List<Object> journal() {
    return kit.persistenceTestKit().persistedInStorage(PersistenceId.of(InterviewSession.TYPE_KEY.name(), sessionId).id());
  }

  private State awaitState(Predicate<State> condition) {
    TestProbe<Object> probe = testKit.createTestProbe();
    return probe.awaitAssert(Duration.ofSeconds(10), () -> {
      State state = kit.getState();
      assertTrue(condition.test(state), () -> "state is " + state.status() + ", last event " + state.lastSeq());
      return state;
    });
  }

  /** The greeting is spoken before the first question, in the words the voice dialect will show. */
  private static final class UtteranceCheck {
    static void greetingSpoken(State state, List<String> spoken, AudioStore audio) throws Exception {
      assertTrue(spoken.get(0).startsWith("Hello!"), spoken.get(0));
      assertEquals(state.currentQuestion().text(), spoken.get(1), "the greeting and the question are spoken apart");
      byte[] line = audio.load(state.spoken().get(state.lastSpokenSeq()).audioId()).orElseThrow().bytes();
      assertEquals("mp3 of " + spoken.get(0) + "mp3 of " + spoken.get(1), new String(line, StandardCharsets.UTF_8));
    }
  }
}
