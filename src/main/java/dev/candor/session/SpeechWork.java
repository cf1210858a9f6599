package dev.candor.session;

import dev.candor.ai.speech.AudioClip;
import dev.candor.ai.speech.SpeechAudio;
import dev.candor.ai.speech.SpeechException;
import dev.candor.ai.speech.Transcript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The blocking halves of a spoken interview, run by the session's workers. A failure the provider may get
 * over is thrown (the worker retries it with backoff); one that retrying cannot mend becomes a result.
 */
final class SpeechWork {

  private SpeechWork() {}

  static InterviewSession.Command transcribe(SpeechServices speech, InterviewSession.PendingRecording recording) {
    try {
      AudioStore.StoredAudio audio = speech.audio().load(recording.recordingId())
          .orElseThrow(() -> new IllegalStateException("recording " + recording.recordingId() + " is missing from the audio store"));
      Transcript transcript = speech.ears().transcribe(new AudioClip(audio.bytes(), recording.format()));
      return new InterviewSession.TranscriptReady(recording.recordingId(), recording.questionId(), transcript.text(),
          transcript.durationSeconds());
    } catch (SpeechException e) {
      if (e.retryable()) {
        throw new IllegalStateException(e.getMessage(), e);
      }
      return new InterviewSession.RecordingFailed(recording.recordingId(), recording.questionId(), problem(e.kind()), e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("the audio store could not be read", e);
    }
  }

  /**
   * A line spoken from its pieces (a remark, then a question): each piece is found in the audio store or
   * synthesised and stored, then the pieces are joined into the line's audio, stored under the whole line's id.
   * The question was usually spoken ahead ({@link #prepare}) and the remark is one of a few, so most lines need no
   * synthesis at all. A voice that does not speak MP3 speaks the whole line instead. Identical words in the same
   * voice are synthesised once, whoever asks for them.
   */
  static InterviewSession.Command speak(SpeechServices speech, long seq, List<String> pieces, String voice) {
    String audioId = speech.lineId(voice, String.join(" ", pieces));
    try {
      Optional<AudioStore.StoredAudio> cached = speech.audio().load(audioId);
      if (cached.isPresent()) {
        return new InterviewSession.SpeechReady(seq, audioId, cached.get().contentType());
      }
      SpeechAudio audio = line(speech, pieces, voice);
      speech.audio().save(audioId, audio.bytes(), audio.contentType());
      return new InterviewSession.SpeechReady(seq, audioId, audio.contentType());
    } catch (SpeechException e) {
      if (e.retryable()) {
        throw new IllegalStateException(e.getMessage(), e);
      }
      return new InterviewSession.SpeechRefused(seq, e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("the audio store could not be used", e);
    }
  }

  private static SpeechAudio line(SpeechServices speech, List<String> pieces, String voice)
      throws SpeechException, IOException {
    if (pieces.size() > 1) {
      List<SpeechAudio> spoken = new ArrayList<>();
      for (String piece : pieces) {
        SpeechAudio audio = speech.spoken(voice, piece);
        if (!audio.isMp3()) {
          break;
        }
        spoken.add(audio);
      }
      if (spoken.size() == pieces.size()) {
        return SpeechAudio.join(spoken).orElseThrow();
      }
    }
    return speech.voice().synthesize(String.join(" ", pieces), voice);
  }

  /** Speaks {@code text} into the audio store ahead of the line that will need it. */
  static InterviewSession.Command prepare(SpeechServices speech, String task, String text, String voice) {
    try {
      speech.spoken(voice, text);
    } catch (SpeechException e) {
      // Nothing waits for this: the line itself speaks the words when its time comes, and reports any failure.
    } catch (IOException e) {
      throw new UncheckedIOException("the audio store could not be used", e);
    }
    return new InterviewSession.SpeechPrepared(task);
  }

  private static InterviewSession.RecordingProblem problem(SpeechException.Kind kind) {
    return switch (kind) {
      case EMPTY_AUDIO -> InterviewSession.RecordingProblem.EMPTY;
      case UNSUPPORTED_AUDIO -> InterviewSession.RecordingProblem.UNSUPPORTED;
      case TOO_LARGE -> InterviewSession.RecordingProblem.TOO_LARGE;
      default -> InterviewSession.RecordingProblem.INVALID;
    };
  }
}
