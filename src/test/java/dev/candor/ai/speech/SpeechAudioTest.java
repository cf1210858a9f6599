package dev.candor.ai.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.ai.speech.embedded.EmbeddedTextToSpeech;
import dev.candor.ai.speech.embedded.MarySpeaker;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pieces of speech joined into one MP3 stream: frames kept, what describes only one clip dropped. */
class SpeechAudioTest {

  @Test
  void plainMp3ClipsAreJoinedFrameForFrame() throws Exception {
    SpeechAudio remark = mp3(48_000, 0.7);
    SpeechAudio question = mp3(48_000, 1.3);
    SpeechAudio joined = SpeechAudio.join(List.of(remark, question)).orElseThrow();
    assertEquals("audio/mpeg", joined.contentType());
    assertArrayEquals(concat(remark.bytes(), question.bytes()), joined.bytes());
  }

  @Test
  void aLeadingId3TagAndAnInfoFrameAreDroppedFromEveryPiece() throws Exception {
    // 64 kb/s frames: 144 000 * 64 / 48 000 = 192 bytes at 48 kHz (MPEG-1); 72 000 * 64 / 16 000 = 288 at 16 kHz (MPEG-2).
    for (int[] rateAndFrame : new int[][] {{48_000, 192}, {16_000, 288}}) {
      int rate = rateAndFrame[0];
      int frame = rateAndFrame[1];
      SpeechAudio plain = mp3(rate, 1.0);
      byte[] tagged = withInfoFrame(plain.bytes(), rate == 48_000 ? 21 : 13);
      byte[] id3 = id3Tag("Candor");
      SpeechAudio first = new SpeechAudio(concat(id3, tagged), "audio/mpeg");
      SpeechAudio second = new SpeechAudio(tagged, "audio/mpeg");
      byte[] joined = SpeechAudio.join(List.of(first, second)).orElseThrow().bytes();
      byte[] audioFrames = Arrays.copyOfRange(tagged, frame, tagged.length);
      assertArrayEquals(concat(audioFrames, audioFrames), joined, "at " + rate + " Hz");
      assertEquals(0xFF, joined[0] & 0xFF, "the stream opens on a frame");
    }
  }

  @Test
  void clipsThatAreNotAllMp3AreNotJoined() throws Exception {
    SpeechAudio wav = new SpeechAudio("RIFF....WAVE".getBytes(StandardCharsets.US_ASCII), "audio/wav");
    assertTrue(SpeechAudio.join(List.of(mp3(48_000, 0.5), wav)).isEmpty());
    assertTrue(SpeechAudio.join(List.of()).isEmpty());
  }

  /** A tone encoded by the embedded voice's MP3 encoder (its first frame is the encoder's empty placeholder). */
  private static SpeechAudio mp3(int rate, double seconds) throws SpeechException {
    short[] samples = new short[(int) (rate * seconds)];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) (6000 * Math.sin(2 * Math.PI * 220 * i / rate));
    }
    return new EmbeddedTextToSpeech((text, male) -> new MarySpeaker.Speech(samples, rate)).synthesize("tone", "female");
  }

  /** The clip with its first frame made an Info header, as LAME's command line writes for a constant bitrate. */
  private static byte[] withInfoFrame(byte[] mp3, int tagOffset) {
    byte[] copy = mp3.clone();
    byte[] info = "Info".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(info, 0, copy, tagOffset, info.length);
    return copy;
  }

  private static byte[] id3Tag(String title) {
    byte[] text = ("\u0000" + title).getBytes(StandardCharsets.ISO_8859_1);
    int frameSize = text.length;
    ByteArrayOutputStream frames = new ByteArrayOutputStream();
    frames.writeBytes("TIT2".getBytes(StandardCharsets.US_ASCII));
    frames.writeBytes(new byte[] {0, 0, 0, (byte) frameSize, 0, 0});
    frames.writeBytes(text);
    int size = frames.size();
    ByteArrayOutputStream tag = new ByteArrayOutputStream();
    tag.writeBytes(new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, (byte) (size >> 7 & 0x7f), (byte) (size & 0x7f)});
    tag.writeBytes(frames.toByteArray());
    return tag.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
