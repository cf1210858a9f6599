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
import dev.candor.testing.MutableClock;
import dev.candor.testing.SampleData;
import dev.candor.testing.TestConfigs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
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
      Duration.ofMinutes(2), 20, 2, 2, Duration.ofMillis(20), Duration.ofSeconds(10), Duration.ofSeconds(10));
  private static final SessionContext SPOKEN = new SessionContext(null, null, SampleData.johnDoe(),
      SampleData.seniorEngineer(), new InterviewPreferences(30, null, List.of()), "female", false);
  private static final SessionContext CONVERSATION = new SessionContext(null, null, SampleData.johnDoe(),
      SampleData.seniorEngineer(), new InterviewPreferences(30, null, List.of()), "female", true);

  /** Transcribes a recording to the text stored in it; "" is silence; "FAIL n" fails n times, then hears "recovered". */
  private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> spokenTexts = new ConcurrentLinkedQueue<>();
  private final MemoryAudioStore audio = new MemoryAudioStore();
  private EventSourcedBehaviorTestKit<Command, Event, State> kit;

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
      spokenTexts.add(text);
      return new SpeechAudio(("mp3 of " + text).getBytes(StandardCharsets.UTF_8), "audio/mpeg");
    };
    kit = EventSourcedBehaviorTestKit.create(testKit.system(), InterviewSession.create("spoken-" + System.nanoTime(),
        new GatedInterviewer(), new SpeechServices(ears, voice, "scripted", audio), SETTINGS,
        new MutableClock(Instant.parse("2026-11-22T10:00:00Z")), null));
  }

  @Test
  void aRecordingBecomesTheAnswerAndEveryQuestionIsVoicedOnce() throws Exception {
    kit.<Reply>runCommand(r -> new InterviewSession.Start(SPOKEN, r));
    State asked = awaitState(s -> s.status() == Status.IN_PROGRESS && s.spoken().size() == 1);
    String firstQuestion = asked.currentQuestion().id();
    UtteranceCheck.greetingSpoken(asked, spokenTexts.peek());

    Reply reply = record("rec-1", "I led a team of five engineers through a billing migration");
    assertInstanceOf(InterviewSession.RecordingAccepted.class, reply);
    State answered = awaitState(s -> s.askedCount() == 2 && s.spoken().size() == 2);
    InterviewSession.RecordedAnswer answer = answered.answers().get(firstQuestion);
    assertEquals("rec-1", answer.answerId());
    assertEquals("I led a team of five engineers through a billing migration", answer.text());
    assertEquals(4.0, answer.durationSeconds());
    assertTrue(answered.analyses().containsKey(firstQuestion));
    assertTrue(answered.recordings().isEmpty());
    assertEquals(2, spokenTexts.size(), "each question is synthesised once: " + spokenTexts);

    // The same recording sent again is acknowledged without a second event.
    assertTrue(kit.<Reply>runCommand(r -> new InterviewSession.SubmitRecording("rec-1", firstQuestion, "webm", r))
        .reply() instanceof InterviewSession.Rejected, "the first question is answered now");
  }

  @Test
  void silenceAndGarbageLeaveTheQuestionOpenAndNeverScored() throws Exception {
    kit.<Reply>runCommand(r -> new InterviewSession.Start(SPOKEN, r));
    State asked = awaitState(s -> s.status() == Status.IN_PROGRESS);
    String question = asked.currentQuestion().id();

    record("rec-silent", "");
    State afterSilence = awaitState(s -> s.log().stream().anyMatch(e -> e instanceof InterviewSession.RecordingUnusable));
    InterviewSession.RecordingUnusable silent = lastOf(afterSilence, InterviewSession.RecordingUnusable.class);
    assertEquals(InterviewSession.RecordingProblem.EMPTY, silent.problem());
    assertTrue(afterSilence.answers().isEmpty());

    record("rec-garbage", "GARBAGE");
    State afterGarbage = awaitState(s -> s.log().stream().filter(e -> e instanceof InterviewSession.RecordingUnusable).count() == 2);
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
    assertEquals(1, answered.log().stream().filter(e -> e instanceof InterviewSession.AnswerRecorded).count());
  }

  @Test
  void aRestartReissuesAPendingTranscriptionWithoutDuplicatingEvents() throws Exception {
    kit.<Reply>runCommand(r -> new InterviewSession.Start(SPOKEN, r));
    State asked = awaitState(s -> s.status() == Status.IN_PROGRESS && s.spoken().size() == 1);
    String question = asked.currentQuestion().id();
    // Down for longer than the session's retries: the recording stays pending across the restart.
    record("rec-pending", "FAIL 3");
    awaitState(s -> !s.recordings().isEmpty());
    kit.restart();
    State answered = awaitState(s -> s.answers().containsKey(question) && s.spoken().size() == 2);
    assertEquals(1, answered.log().stream().filter(e -> e instanceof InterviewSession.RecordingReceived).count());
    assertEquals(1, answered.log().stream().filter(e -> e instanceof InterviewSession.AnswerRecorded).count());
    assertEquals(2, answered.log().stream().filter(e -> e instanceof InterviewSession.UtteranceSpoken).count());
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
    assertTrue(followed.log().stream().anyMatch(e -> e instanceof InterviewSession.FollowUpAdded));

    // A thin answer to the follow-up itself moves on to the next planned question.
    record("rec-thin-again", "Not sure.");
    State moved = awaitState(s -> s.askedCount() == 3);
    assertEquals(asked.questions().get(1).id(), moved.currentQuestion().id());
    assertEquals(planned + 1, moved.questions().size());
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

  private Reply record(String id, String words) throws Exception {
    audio.save(id, words.getBytes(StandardCharsets.UTF_8), "audio/webm");
    return kit.<Reply>runCommand(r -> new InterviewSession.SubmitRecording(id, null, "webm", r)).reply();
  }

  private static <T extends Event> T lastOf(State state, Class<T> type) {
    List<Event> matching = new ArrayList<>(state.log().stream().filter(type::isInstance).toList());
    return type.cast(matching.get(matching.size() - 1));
  }

  private State awaitState(Predicate<State> condition) {
    TestProbe<Object> probe = testKit.createTestProbe();
    return probe.awaitAssert(Duration.ofSeconds(10), () -> {
      State state = kit.getState();
      assertTrue(condition.test(state), () -> "state is " + state.status() + ", log " + state.log());
      return state;
    });
  }

  /** The greeting is spoken before the first question, in the words the voice dialect will show. */
  private static final class UtteranceCheck {
    static void greetingSpoken(State state, String firstSpoken) {
      assertTrue(firstSpoken.startsWith("Hello!"), firstSpoken);
      assertTrue(firstSpoken.endsWith(state.currentQuestion().text()), firstSpoken);
    }
  }

  private static final class MemoryAudioStore implements AudioStore {
    private final Map<String, StoredAudio> blobs = new ConcurrentHashMap<>();

    @Override
    public void save(String id, byte[] bytes, String contentType) {
      blobs.putIfAbsent(id, new StoredAudio(bytes, contentType));
    }

    @Override
    public Optional<StoredAudio> load(String id) {
      return Optional.ofNullable(blobs.get(id));
    }

    @Override
    public boolean exists(String id) {
      return blobs.containsKey(id);
    }
  }
}
