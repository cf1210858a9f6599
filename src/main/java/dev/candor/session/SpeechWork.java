package dev.candor.session;

import dev.candor.ai.speech.AudioClip;
import dev.candor.ai.speech.SpeechAudio;
import dev.candor.ai.speech.SpeechException;
import dev.candor.ai.speech.Transcript;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  /** Identical words in the same voice are synthesised once: the audio id is derived from them. */
  static InterviewSession.Command speak(SpeechServices speech, long seq, String text, String voice) {
    String audioId = speech.lineId(voice, text);
    try {
      Optional<AudioStore.StoredAudio> cached = speech.audio().load(audioId);
      if (cached.isPresent()) {
        return new InterviewSession.SpeechReady(seq, audioId, cached.get().contentType());
      }
      SpeechAudio audio = speech.voice().synthesize(text, voice);
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

  private static InterviewSession.RecordingProblem problem(SpeechException.Kind kind) {
    return switch (kind) {
      case EMPTY_AUDIO -> InterviewSession.RecordingProblem.EMPTY;
      case UNSUPPORTED_AUDIO -> InterviewSession.RecordingProblem.UNSUPPORTED;
      case TOO_LARGE -> InterviewSession.RecordingProblem.TOO_LARGE;
      default -> InterviewSession.RecordingProblem.INVALID;
    };
  }
}
