package dev.candor.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.ai.speech.SpeechAudio;
import dev.candor.ai.speech.SpeechException;
import dev.candor.ai.speech.TextToSpeech;
import dev.candor.testing.MemoryAudioStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A line spoken from pieces kept in the audio store: each piece synthesised once, whoever needs it. */
class SpeechWorkTest {

  private final List<String> synthesised = new CopyOnWriteArrayList<>();
  private final MemoryAudioStore audio = new MemoryAudioStore();

  private String stored(String audioId) {
    return new String(audio.load(audioId).orElseThrow().bytes(), StandardCharsets.UTF_8);
  }

  private SpeechServices speaking(String contentType) {
    TextToSpeech voice = (text, name) -> {
      if (name.equals("nobody")) {
        throw new SpeechException(SpeechException.Kind.PROVIDER_REJECTED, "no such voice");
      }
      synthesised.add(text);
      return new SpeechAudio(("<" + text + ">").getBytes(StandardCharsets.UTF_8), contentType);
    };
    return new SpeechServices(null, voice, "test", audio);
  }

  @Test
  void aLineIsItsPiecesJoinedAndAPieceSpokenAheadIsNotSpokenAgain() {
    SpeechServices speech = speaking("audio/mpeg");
    assertInstanceOf(InterviewSession.SpeechPrepared.class,
        SpeechWork.prepare(speech, "prepare:q2", "Tell me about a conflict.", "female"));
    assertEquals(List.of("Tell me about a conflict."), synthesised);

    var ready = assertInstanceOf(InterviewSession.SpeechReady.class,
        SpeechWork.speak(speech, 7, List.of("Thank you.", "Tell me about a conflict."), "female"));
    assertEquals(List.of("Tell me about a conflict.", "Thank you."), synthesised, "only the remark was new");
    assertEquals(speech.lineId("female", "Thank you. Tell me about a conflict."), ready.audioId());
    assertEquals("<Thank you.><Tell me about a conflict.>",
        stored(ready.audioId()));

    SpeechWork.speak(speech, 9, List.of("Thank you.", "What would you change?"), "female");
    assertEquals(List.of("Tell me about a conflict.", "Thank you.", "What would you change?"), synthesised,
        "a remark said before comes from the store");
    SpeechWork.speak(speech, 7, List.of("Thank you.", "Tell me about a conflict."), "female");
    assertEquals(3, synthesised.size(), "a whole line said before comes from the store");
  }

  @Test
  void aVoiceThatDoesNotSpeakMp3SpeaksTheWholeLine() {
    SpeechServices speech = speaking("audio/wav");
    var ready = assertInstanceOf(InterviewSession.SpeechReady.class,
        SpeechWork.speak(speech, 3, List.of("Thank you.", "Why this role?"), "female"));
    assertEquals("Thank you. Why this role?", synthesised.get(synthesised.size() - 1));
    assertEquals("<Thank you. Why this role?>", stored(ready.audioId()));
    assertEquals("audio/wav", ready.contentType());
  }

  @Test
  void aRefusedVoiceRefusesTheLineButNotThePreparation() {
    SpeechServices speech = speaking("audio/mpeg");
    var refused = assertInstanceOf(InterviewSession.SpeechRefused.class,
        SpeechWork.speak(speech, 4, List.of("Thank you.", "Why this role?"), "nobody"));
    assertEquals(4, refused.seq());
    assertInstanceOf(InterviewSession.SpeechPrepared.class, SpeechWork.prepare(speech, "prepare:q3", "Why?", "nobody"));
    assertEquals(List.of(), synthesised);
    assertTrue(audio.isEmpty());
  }

  @Test
  void linesEveryInterviewNeedsArePreparedOnceAndCountedWhenStored() {
    SpeechServices speech = speaking("audio/mpeg");
    List<String> lines = SpokenText.everyInterview();
    assertEquals(lines.size(), speech.prepare("female", lines));
    assertEquals(lines.size(), speech.prepare("female", lines));
    assertEquals(lines, synthesised, "the second time every line came from the store");
    assertEquals(0, speech.prepare("nobody", lines), "a voice that refuses stores nothing");
  }
}
