package dev.candor.ai.speech.audio;

import dev.candor.ai.speech.AudioClip;
import dev.candor.ai.speech.SpeechException;
import dev.candor.ai.speech.SpeechException.Kind;
import java.util.Objects;

/**
 * Turns what browsers record into what the recogniser takes: WebM/Matroska with Opus (Chrome, Firefox), Ogg with
 * Opus, MP4 with Opus (Chrome's {@code audio/mp4}) or AAC (Safari), and WAV, all to {@link Pcm}. Pure Java.
 *
 * <p>The container is read from the bytes, never the declared format: clients label recordings loosely
 * ({@code video/webm} for audio, {@code audio/mp4} for Opus). The declared format only names the clip in errors.
 *
 * <p>Immutable and thread-safe; every call builds its own codec state.
 */
public final class AudioDecoder {

  /**
   * @param maxBytes largest recording accepted, checked before anything is parsed
   * @param maxSeconds longest audio decoded; decoding stops with {@link Kind#TOO_LARGE} once past it, so a small
   *     file cannot expand into unbounded memory
   */
  public record Limits(long maxBytes, double maxSeconds) {
    public Limits {
      if (maxBytes <= 0 || !(maxSeconds > 0)) {
        throw new IllegalArgumentException("limits must be positive: " + maxBytes + " bytes, " + maxSeconds + " s");
      }
    }
  }

  /** Shorter than this from a cut-off file, the recording is treated as broken rather than short. */
  private static final double USABLE_SECONDS = 0.1;

  private final Limits limits;

  public AudioDecoder(Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  public Limits limits() {
    return limits;
  }

  /**
   * Decodes the clip to 16 kHz mono.
   *
   * @throws SpeechException {@link Kind#EMPTY_AUDIO} for no bytes or no audio frames, {@link Kind#INVALID_AUDIO}
   *     for unrecognisable or broken bytes, {@link Kind#UNSUPPORTED_AUDIO} for a known container with a codec not
   *     decoded here, {@link Kind#TOO_LARGE} over the limits. Silence is decoded, not refused: see
   *     {@link Pcm#isSilent()}.
   */
  public Pcm decode(AudioClip clip) throws SpeechException {
    byte[] bytes = clip.bytes();
    if (bytes.length == 0) {
      throw Failures.empty("the recording is empty");
    }
    if (bytes.length > limits.maxBytes()) {
      throw Failures.tooLarge("the recording is " + bytes.length + " bytes, over the " + limits.maxBytes()
          + " byte limit");
    }
    Container container = Container.sniff(bytes);
    try {
      MonoBuffer audio;
      boolean truncated;
      switch (container) {
        case WEBM -> {
          OpusStream stream = WebmDemuxer.read(bytes);
          audio = OpusPackets.decode(stream, limits.maxSeconds());
          truncated = stream.truncated();
        }
        case OGG -> {
          OpusStream stream = OggDemuxer.read(bytes);
          audio = OpusPackets.decode(stream, limits.maxSeconds());
          truncated = stream.truncated();
        }
        case MP4 -> {
          Mp4Demuxer.Mp4Audio mp4 = Mp4Demuxer.read(bytes);
          audio = mp4.opus() != null
              ? OpusPackets.decode(mp4.opus(), limits.maxSeconds())
              : AacFrames.decode(mp4.audioSpecificConfig(), mp4.frames(), limits.maxSeconds());
          truncated = mp4.truncated();
        }
        case WAV -> {
          audio = WavReader.read(bytes, limits.maxSeconds());
          truncated = false;
        }
        case UNKNOWN -> throw Failures.invalid("not a recognisable audio file" + declared(clip));
        default -> throw Failures.unsupported(container.label() + " recordings are not supported" + declared(clip)
            + "; record WebM/Opus, Ogg/Opus, MP4 (Opus or AAC) or WAV");
      }
      if (audio.length() == 0) {
        throw truncated
            ? Failures.invalid("the " + container.label() + " recording is cut off before any audio" + declared(clip))
            : Failures.empty("the " + container.label() + " recording holds no audio frames");
      }
      if (truncated && audio.seconds() < USABLE_SECONDS) {
        throw Failures.invalid("the " + container.label() + " recording is cut off after "
            + Math.round(audio.seconds() * 1000) + " ms" + declared(clip));
      }
      if (audio.seconds() > limits.maxSeconds()) {
        throw Failures.tooLarge("the recording is longer than " + limits.maxSeconds() + " s");
      }
      return new Pcm(Resampler.toPcm(audio.samples(), audio.length(), audio.rate()));
    } catch (SpeechException e) {
      throw e;
    } catch (RuntimeException e) {
      // Hostile bytes must not escape as a server error; what broke is the file, whatever the exception.
      throw new SpeechException(Kind.INVALID_AUDIO, "the " + container.label() + " recording is damaged" + declared(clip),
          e);
    }
  }

  private static String declared(AudioClip clip) {
    return clip.format().isEmpty() ? "" : " (sent as " + clip.format() + ")";
  }
}
