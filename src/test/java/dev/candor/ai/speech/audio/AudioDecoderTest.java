package dev.candor.ai.speech.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.ai.speech.AudioClip;
import dev.candor.ai.speech.SpeechException;
import dev.candor.ai.speech.SpeechException.Kind;
import dev.candor.testing.audio.BrowserRecording;
import dev.candor.testing.audio.BrowserRecording.Lacing;
import dev.candor.testing.audio.BrowserRecording.Opus;
import dev.candor.testing.audio.BrowserRecording.WebmLayout;
import dev.candor.testing.audio.Signals;
import dev.candor.testing.audio.Signals.Match;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AudioDecoderTest {

  private static final double SECONDS = 2.99;
  /** One Opus frame: the encoder pads the last 20 ms. */
  private static final double FRAME_SECONDS = 0.02;
  /** Lags searched when aligning decoded audio with its source, in 16 kHz samples (±10 ms). */
  private static final int MAX_LAG = 160;
  /** Concentus at 32 kb/s on the voice-like signal measured 0.996; 0.98 leaves room without hiding a broken path. */
  private static final double MIN_CORRELATION = 0.98;

  private final AudioDecoder decoder = new AudioDecoder(new AudioDecoder.Limits(10_000_000, 60));
  private final short[] source48k = Signals.speechLike(48_000, SECONDS);
  private final short[] reference16k = Signals.speechLike(16_000, SECONDS);

  private Pcm decode(byte[] bytes, String format) throws SpeechException {
    return decoder.decode(new AudioClip(bytes, format));
  }

  private static SpeechException failure(AudioDecoder decoder, byte[] bytes, String format) {
    return assertThrows(SpeechException.class, () -> decoder.decode(new AudioClip(bytes, format)));
  }

  /** Asserts duration and waveform against the 16 kHz rendering of the same signal, and returns the match. */
  private Match assertSpeech(String label, Pcm pcm, double minCorrelation) {
    Match match = Signals.bestMatch(reference16k, pcm.samples(), MAX_LAG);
    System.out.printf("%s: %.4f s (source %.4f), correlation %.4f at lag %d%n", label, pcm.seconds(), SECONDS,
        match.correlation(), match.lag());
    assertEquals(SECONDS, pcm.seconds(), FRAME_SECONDS, label + " duration");
    assertTrue(match.correlation() > minCorrelation, label + " correlation " + match.correlation());
    // The pre-skip was honoured: the decoded audio lines up with the source to within a sample or two.
    assertTrue(Math.abs(match.lag()) <= 2, label + " lag " + match.lag());
    assertFalse(pcm.isSilent(), label + " is not silence");
    return match;
  }

  // ------------------------------------------------------------------ containers

  @Test
  void chromeWebmDecodesToTheSourceAt16kHz() throws Exception {
    byte[] webm = BrowserRecording.webm(source48k);
    assertSpeech("webm", decode(webm, "audio/webm;codecs=opus"), MIN_CORRELATION);
  }

  @Test
  void theDeclaredFormatDoesNotMatterOnlyTheBytes() throws Exception {
    byte[] webm = BrowserRecording.webm(source48k);
    assertSpeech("webm sent as mp4", decode(webm, "audio/mp4"), MIN_CORRELATION);
  }

  @Test
  void videoWebmYieldsItsAudioTrack() throws Exception {
    byte[] webm = BrowserRecording.webmWithVideo(source48k);
    assertSpeech("video webm", decode(webm, "video/webm"), MIN_CORRELATION);
  }

  @Test
  void webmBlockGroupsAndEveryLacingAreUnpacked() throws Exception {
    Opus vbr = BrowserRecording.opus(source48k);
    Opus cbr = BrowserRecording.opus(source48k, 1, BrowserRecording.DEFAULT_BITRATE, true);
    WebmLayout groupsXiph = new WebmLayout(false, true, Lacing.XIPH, 5, 1_000);
    WebmLayout ebml = new WebmLayout(true, false, Lacing.EBML, 4, 30_000);
    WebmLayout fixed = new WebmLayout(false, false, Lacing.FIXED, 3, 2_000);
    assertSpeech("webm block groups, xiph lacing", decode(BrowserRecording.webm(vbr, groupsXiph), "webm"),
        MIN_CORRELATION);
    assertSpeech("webm ebml lacing", decode(BrowserRecording.webm(vbr, ebml), "webm"), MIN_CORRELATION);
    assertSpeech("webm fixed lacing", decode(BrowserRecording.webm(cbr, fixed), "webm"), MIN_CORRELATION);
  }

  @Test
  void hugeDeclaredCountsAndSizesAreBoundedByTheFile() throws Exception {
    // A trun claiming four billion samples, and an EBML element claiming 2^56 bytes.
    byte[] mp4 = BrowserRecording.mp4(source48k);
    int trun = indexOf(mp4, "trun".getBytes());
    ByteBuffer.wrap(mp4, trun + 8, 4).putInt(-1);
    // The count is capped by what the trun box can hold, which is the real samples.
    assertEquals(SECONDS, decode(mp4, "mp4").seconds(), FRAME_SECONDS);

    byte[] webm = BrowserRecording.webm(source48k);
    int codecPrivate = indexOf(webm, new byte[] {0x63, (byte) 0xA2});
    byte[] bomb = new byte[webm.length + 7];
    System.arraycopy(webm, 0, bomb, 0, codecPrivate + 2);
    byte[] size = {0x01, 0x7F, -1, -1, -1, -1, -1, 0};
    System.arraycopy(size, 0, bomb, codecPrivate + 2, 8);
    System.arraycopy(webm, codecPrivate + 3, bomb, codecPrivate + 10, webm.length - codecPrivate - 3);
    assertEquals(Kind.INVALID_AUDIO, failure(decoder, bomb, "webm").kind());
  }

  @Test
  void oggOpusDecodesAndIsTrimmedToItsLastGranule() throws Exception {
    Pcm pcm = decode(BrowserRecording.ogg(source48k), "audio/ogg");
    assertSpeech("ogg", pcm, MIN_CORRELATION);
    // Ogg says how many samples are real, so the last frame's padding is cut: exact to a sample.
    assertEquals(reference16k.length, pcm.samples().length, 1);
  }

  @Test
  void stereoOpusIsDownmixedAndPacketsSpanningPagesAreJoined() throws Exception {
    short[] left = source48k;
    short[] right = Signals.tone(48_000, SECONDS, 330, 0.2);
    // At 128 kb/s constant rate every packet is 320 bytes, two lacing segments, so some straddle Ogg pages.
    Opus stereo = BrowserRecording.opus(Signals.interleave(left, right), 2, 128_000, true);
    assertTrue(stereo.packets().stream().allMatch(p -> p.length > 255), "packets span two segments");
    Pcm pcm = decode(BrowserRecording.ogg(stereo), "audio/ogg");
    short[] expected = Signals.mix(reference16k, Signals.tone(16_000, SECONDS, 330, 0.2));
    Match match = Signals.bestMatch(expected, pcm.samples(), MAX_LAG);
    System.out.printf("stereo ogg: %.4f s, correlation with the mix %.4f at lag %d, rms %.4f (mix %.4f)%n",
        pcm.seconds(), match.correlation(), match.lag(), pcm.rms(), Signals.rms(expected));
    assertTrue(match.correlation() > MIN_CORRELATION, "correlation " + match.correlation());
    assertEquals(Signals.rms(expected), pcm.rms(), 0.1 * Signals.rms(expected), "downmix level");
  }

  @Test
  void chromeFragmentedMp4WithOpusDecodes() throws Exception {
    assertSpeech("fmp4 opus", decode(BrowserRecording.mp4(source48k), "audio/mp4"), MIN_CORRELATION);
  }

  @Test
  void aacInMp4DecodesFragmentedAndProgressive() throws Exception {
    List<byte[]> frames = Collections.nCopies(141, BrowserRecording.silentAacFrame());
    byte[] config = BrowserRecording.aacLcConfig(48_000, 1);
    for (boolean fragmented : new boolean[] {true, false}) {
      Pcm pcm = decode(BrowserRecording.mp4Aac(config, frames, 48_000, 1, fragmented), "audio/mp4");
      System.out.printf("aac %s: %.4f s%n", fragmented ? "fragmented" : "progressive", pcm.seconds());
      assertEquals(141 * 1024 / 48_000.0, pcm.seconds(), 1.0 / 16_000, "AAC duration, fragmented " + fragmented);
      assertTrue(pcm.isSilent());
    }
  }

  @Test
  void stereo44kWavIsDownmixedAndResampled() throws Exception {
    short[] left = Signals.speechLike(44_100, SECONDS);
    short[] right = Signals.tone(44_100, SECONDS, 1_000, 0.3);
    Pcm pcm = decode(BrowserRecording.wav(Signals.interleave(left, right), 44_100, 2), "audio/wav");
    short[] expected = Signals.mix(reference16k, Signals.tone(16_000, SECONDS, 1_000, 0.3));
    Match match = Signals.bestMatch(expected, pcm.samples(), MAX_LAG);
    System.out.printf("wav 44.1k stereo: %d samples (expected %d), correlation %.5f at lag %d%n",
        pcm.samples().length, expected.length, match.correlation(), match.lag());
    assertEquals(expected.length, pcm.samples().length, 1);
    assertEquals(0, match.lag());
    assertTrue(match.correlation() > 0.999, "correlation " + match.correlation());
  }

  @Test
  void resamplingFiltersWhatWouldAliasInsteadOfFoldingItBack() throws Exception {
    // 11 kHz cannot exist at 16 kHz; nearest-sample decimation would fold it to 5 kHz at full level.
    Pcm pcm = decode(BrowserRecording.wav(Signals.tone(48_000, 1, 11_000, 0.5), 48_000, 1), "wav");
    System.out.printf("11 kHz tone at 48 kHz → 16 kHz: rms %.5f%n", pcm.rms());
    assertTrue(pcm.rms() < 0.005, "rms " + pcm.rms());
    Pcm kept = decode(BrowserRecording.wav(Signals.tone(48_000, 1, 3_000, 0.5), 48_000, 1), "wav");
    assertEquals(0.5 / Math.sqrt(2), kept.rms(), 0.01, "a 3 kHz tone keeps its level");
  }

  @Test
  void otherWavSampleFormatsDecode() throws Exception {
    short[] tone = Signals.tone(16_000, 0.5, 440, 0.5);
    byte[] float32 = wavWithFormat(3, 32, 16_000, tone.length * 4, b -> {
      for (short s : tone) {
        b.putFloat(s / 32768f);
      }
    });
    byte[] pcm24 = wavWithFormat(1, 24, 16_000, tone.length * 3, b -> {
      for (short s : tone) {
        int v = s << 8;
        b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
      }
    });
    for (byte[] wav : List.of(float32, pcm24)) {
      Pcm pcm = decode(wav, "wav");
      assertEquals(1.0, Signals.bestMatch(tone, pcm.samples(), 0).correlation(), 1e-4);
      assertEquals(tone.length, pcm.samples().length);
    }
  }

  @Test
  void pcmOffersLittleEndianBytesAndSilenceDetection() throws Exception {
    Pcm silence = decode(BrowserRecording.webm(new short[48_000]), "webm");
    assertEquals(1.0, silence.seconds(), FRAME_SECONDS);
    assertTrue(silence.isSilent(), "digital silence through Opus");
    Pcm quietHiss = new Pcm(Signals.tone(16_000, 1, 5_000, 0.003));
    assertTrue(quietHiss.isSilent(), "-50 dBFS counts as silence");
    short[] click = new short[16_000];
    click[8_000] = Short.MAX_VALUE;
    click[12_000] = Short.MIN_VALUE;
    assertTrue(new Pcm(click).isSilent(), "two clicks are not speech");
    short[] shortAnswer = new short[16_000 * 10];
    System.arraycopy(reference16k, 16_000, shortAnswer, 0, 8_000);
    assertFalse(new Pcm(shortAnswer).isSilent(), "half a second of speech in ten seconds is not silence");

    Pcm pcm = new Pcm(new short[] {1, -2, 0x1234});
    assertEquals(List.of((byte) 1, (byte) 0, (byte) 0xFE, (byte) 0xFF, (byte) 0x34, (byte) 0x12),
        boxed(pcm.toLittleEndianBytes()));
  }

  // ------------------------------------------------------------------ errors

  @Test
  void emptyBytesAreEmptyAudio() {
    assertEquals(Kind.EMPTY_AUDIO, failure(decoder, new byte[0], "audio/webm").kind());
  }

  @Test
  void garbageLabelledWebmIsInvalid() {
    byte[] garbage = new byte[4_000];
    new Random(7).nextBytes(garbage);
    SpeechException e = failure(decoder, garbage, "audio/webm");
    assertEquals(Kind.INVALID_AUDIO, e.kind());
    assertTrue(e.getMessage().contains("not a recognisable audio file"), e.getMessage());
    assertTrue(e.getMessage().contains("audio/webm"), e.getMessage());
  }

  @Test
  void truncatedWebmKeepsWhatIsCompleteOrIsInvalid() throws Exception {
    byte[] webm = BrowserRecording.webm(source48k);
    Pcm half = decode(Arrays.copyOf(webm, webm.length / 2), "webm");
    System.out.printf("half a webm: %.3f s%n", half.seconds());
    assertTrue(half.seconds() > 1.2 && half.seconds() < 1.8, "half the file, about half the audio: " + half.seconds());

    SpeechException headerOnly = failure(decoder, Arrays.copyOf(webm, 100), "webm");
    assertEquals(Kind.INVALID_AUDIO, headerOnly.kind(), headerOnly.getMessage());
    SpeechException ebmlOnly = failure(decoder, Arrays.copyOf(webm, 20), "webm");
    assertEquals(Kind.INVALID_AUDIO, ebmlOnly.kind(), ebmlOnly.getMessage());
  }

  @Test
  void recognisedContainersWithOtherCodecsAreUnsupportedAndNamed() {
    Opus opus = BrowserRecording.opus(source48k);
    SpeechException vorbis = failure(decoder, BrowserRecording.webm(opus, WebmLayout.CHROME, "A_VORBIS"), "webm");
    assertEquals(Kind.UNSUPPORTED_AUDIO, vorbis.kind());
    assertTrue(vorbis.getMessage().contains("A_VORBIS"), vorbis.getMessage());

    byte[] adpcm = wavWithFormat(2, 4, 16_000, 1_000, b -> b.put(new byte[1_000]));
    SpeechException wav = failure(decoder, adpcm, "wav");
    assertEquals(Kind.UNSUPPORTED_AUDIO, wav.kind());
    assertTrue(wav.getMessage().contains("ADPCM"), wav.getMessage());

    byte[] mp4 = BrowserRecording.mp4(source48k);
    byte[] alac = mp4.clone();
    int entry = indexOf(alac, "Opus".getBytes());
    System.arraycopy("alac".getBytes(), 0, alac, entry, 4);
    SpeechException other = failure(decoder, alac, "audio/mp4");
    assertEquals(Kind.UNSUPPORTED_AUDIO, other.kind());
    assertTrue(other.getMessage().contains("alac"), other.getMessage());

    SpeechException mp3 = failure(decoder, new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0}, "audio/mpeg");
    assertEquals(Kind.UNSUPPORTED_AUDIO, mp3.kind());
  }

  @Test
  void overTheLimitsIsTooLarge() {
    byte[] webm = BrowserRecording.webm(source48k);
    AudioDecoder smallFiles = new AudioDecoder(new AudioDecoder.Limits(webm.length - 1, 60));
    assertEquals(Kind.TOO_LARGE, failure(smallFiles, webm, "webm").kind());
    AudioDecoder shortClips = new AudioDecoder(new AudioDecoder.Limits(10_000_000, 2));
    assertEquals(Kind.TOO_LARGE, failure(shortClips, webm, "webm").kind());
    assertEquals(Kind.TOO_LARGE, failure(shortClips, BrowserRecording.ogg(source48k), "ogg").kind());
    assertEquals(Kind.TOO_LARGE,
        failure(shortClips, BrowserRecording.wav(Signals.tone(8_000, 3, 440, 0.1), 8_000, 1), "wav").kind());
  }

  @Test
  void aFileWithNoAudioFramesIsEmptyAudio() {
    Opus none = new Opus(List.of(), 1, 312, 0);
    assertEquals(Kind.EMPTY_AUDIO, failure(decoder, BrowserRecording.webm(none, WebmLayout.CHROME), "webm").kind());
    assertEquals(Kind.EMPTY_AUDIO, failure(decoder, BrowserRecording.ogg(none), "ogg").kind());
  }

  @Test
  void damagedFilesNeverEscapeAsUncheckedExceptions() {
    Random random = new Random(42);
    List<byte[]> originals = List.of(BrowserRecording.webm(source48k), BrowserRecording.webmWithVideo(source48k),
        BrowserRecording.ogg(source48k), BrowserRecording.mp4(source48k),
        BrowserRecording.mp4Aac(BrowserRecording.aacLcConfig(48_000, 1),
            Collections.nCopies(20, BrowserRecording.silentAacFrame()), 48_000, 1, false),
        BrowserRecording.wav(Signals.tone(16_000, 0.5, 440, 0.5), 16_000, 1));
    List<Kind> kinds = new ArrayList<>();
    int decoded = 0;
    for (byte[] original : originals) {
      for (int round = 0; round < 60; round++) {
        byte[] damaged = original.clone();
        // Keep the magic so each container's parser, not the sniffer, sees the damage.
        for (int k = 0; k < 1 + random.nextInt(12); k++) {
          int at = 12 + random.nextInt(Math.min(damaged.length - 12, round % 2 == 0 ? 400 : damaged.length - 12));
          damaged[at] = random.nextInt(4) == 0 ? (byte) 0xFF : (byte) random.nextInt(256);
        }
        if (round % 5 == 0) {
          damaged = Arrays.copyOf(damaged, 12 + random.nextInt(damaged.length - 12));
        }
        try {
          decoder.decode(new AudioClip(damaged, "audio/webm"));
          decoded++;
        } catch (SpeechException e) {
          kinds.add(e.kind());
        }
      }
    }
    System.out.printf("damaged files: %d decoded, refusals %s%n", decoded, kinds.stream()
        .collect(java.util.stream.Collectors.groupingBy(k -> k, java.util.stream.Collectors.counting())));
    assertTrue(kinds.stream().noneMatch(k -> k.ordinal() > Kind.TOO_LARGE.ordinal()), "only audio kinds: " + kinds);
  }

  // ------------------------------------------------------------------ helpers

  private interface Body {
    void write(ByteBuffer b);
  }

  private static byte[] wavWithFormat(int format, int bits, int rate, int dataBytes, Body body) {
    ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    int blockAlign = Math.max(1, bits / 8);
    b.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVEfmt ".getBytes()).putInt(16).putShort((short) format)
        .putShort((short) 1).putInt(rate).putInt(rate * blockAlign).putShort((short) blockAlign)
        .putShort((short) bits).put("data".getBytes()).putInt(dataBytes);
    body.write(b);
    return b.array();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }

  private static List<Byte> boxed(byte[] bytes) {
    List<Byte> out = new ArrayList<>();
    for (byte v : bytes) {
      out.add(v);
    }
    return out;
  }
}
