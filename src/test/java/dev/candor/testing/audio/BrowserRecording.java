package dev.candor.testing.audio;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Recordings laid out the way browsers send them, made in-process (Concentus for Opus, small muxers for the
 * containers) so tests need neither ffmpeg nor files. {@link #webm(short[])} is what Chrome's and Firefox's
 * MediaRecorder upload: a live WebM whose Segment and Clusters have unknown sizes, with no Cues and no Duration.
 */
public final class BrowserRecording {

  public static final int OPUS_RATE = 48_000;
  public static final int FRAME = OPUS_RATE / 50;
  public static final int DEFAULT_BITRATE = 32_000;

  private BrowserRecording() {}

  /**
   * Opus packets, one per 20 ms.
   *
   * @param preSkip the encoder's look-ahead, which the container tells the decoder to drop
   * @param samplesPerChannel the source length, before the last frame's zero padding
   */
  public record Opus(List<byte[]> packets, int channels, int preSkip, int samplesPerChannel) {}

  /** How a WebM is laid out; {@link #CHROME} is MediaRecorder's. */
  public record WebmLayout(boolean videoTrackFirst, boolean blockGroups, Lacing lacing, int framesPerBlock,
      int clusterMillis) {
    public static final WebmLayout CHROME = new WebmLayout(false, false, Lacing.NONE, 1, 2_500);
    public static final WebmLayout CHROME_VIDEO = new WebmLayout(true, false, Lacing.NONE, 1, 2_500);
  }

  public enum Lacing { NONE, XIPH, FIXED, EBML }

  // ---------------------------------------------------------------- Opus

  public static Opus opus(short[] interleaved48k, int channels, int bitrate, boolean constantBitrate) {
    try {
      OpusEncoder encoder = new OpusEncoder(OPUS_RATE, channels, OpusApplication.OPUS_APPLICATION_AUDIO);
      encoder.setBitrate(bitrate);
      encoder.setUseVBR(!constantBitrate);
      int perChannel = interleaved48k.length / channels;
      List<byte[]> packets = new ArrayList<>();
      short[] frame = new short[FRAME * channels];
      byte[] out = new byte[1275 * 3];
      for (int start = 0; start < perChannel; start += FRAME) {
        Arrays.fill(frame, (short) 0);
        int n = Math.min(FRAME, perChannel - start) * channels;
        System.arraycopy(interleaved48k, start * channels, frame, 0, n);
        int length = encoder.encode(frame, 0, FRAME, out, 0, out.length);
        packets.add(Arrays.copyOf(out, length));
      }
      return new Opus(packets, channels, encoder.getLookahead(), perChannel);
    } catch (OpusException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Opus opus(short[] pcm48k) {
    return opus(pcm48k, 1, DEFAULT_BITRATE, false);
  }

  // ---------------------------------------------------------------- WebM

  /** Mono 48 kHz PCM as Chrome's MediaRecorder would upload it (audio/webm;codecs=opus). */
  public static byte[] webm(short[] pcm48k) {
    return webm(opus(pcm48k), WebmLayout.CHROME);
  }

  /** A video recording (seed 003): a VP8 track first, with dummy frames, then the Opus track. */
  public static byte[] webmWithVideo(short[] pcm48k) {
    return webm(opus(pcm48k), WebmLayout.CHROME_VIDEO);
  }

  public static byte[] webm(Opus opus, WebmLayout layout) {
    return webm(opus, layout, "A_OPUS");
  }

  /** As {@link #webm(Opus, WebmLayout)} but declaring another codec, for the decoder's refusals. */
  public static byte[] webm(Opus opus, WebmLayout layout, String codecId) {
    long audioTrack = layout.videoTrackFirst() ? 2 : 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(Ebml.element(0x1A45DFA3, Ebml.concat(
        Ebml.uint(0x4286, 1), Ebml.uint(0x42F7, 1), Ebml.uint(0x42F2, 4), Ebml.uint(0x42F3, 8),
        Ebml.string(0x4282, "webm"), Ebml.uint(0x4287, 4), Ebml.uint(0x4285, 2))));
    out.writeBytes(Ebml.unknownSize(0x18538067));
    out.writeBytes(Ebml.element(0x1549A966, Ebml.concat(
        Ebml.uint(0x2AD7B1, 1_000_000), Ebml.string(0x4D80, "Chrome"), Ebml.string(0x5741, "Chrome"))));
    byte[] audio = Ebml.element(0xAE, Ebml.concat(
        Ebml.uint(0xD7, audioTrack), Ebml.uint(0x73C5, 0x5A17 + audioTrack), Ebml.uint(0x83, 2),
        Ebml.string(0x86, codecId), Ebml.element(0x63A2, opusHead(opus.channels(), opus.preSkip())),
        Ebml.element(0xE1, Ebml.concat(Ebml.floating(0xB5, OPUS_RATE), Ebml.uint(0x9F, opus.channels()),
            Ebml.uint(0x6264, 32)))));
    byte[] video = Ebml.element(0xAE, Ebml.concat(
        Ebml.uint(0xD7, 1), Ebml.uint(0x73C5, 0x71DE0), Ebml.uint(0x83, 1), Ebml.string(0x86, "V_VP8"),
        Ebml.element(0xE0, Ebml.concat(Ebml.uint(0xB0, 320), Ebml.uint(0xBA, 240)))));
    out.writeBytes(Ebml.element(0x1654AE6B, layout.videoTrackFirst() ? Ebml.concat(video, audio) : audio));

    List<byte[]> packets = opus.packets();
    long clusterStart = -1;
    int nextVideoMs = 0;
    for (int i = 0; i < packets.size(); i += layout.framesPerBlock()) {
      int ms = i * 20;
      if (clusterStart < 0 || ms - clusterStart >= layout.clusterMillis()) {
        clusterStart = ms;
        out.writeBytes(Ebml.unknownSize(0x1F43B675));
        out.writeBytes(Ebml.uint(0xE7, ms));
      }
      while (layout.videoTrackFirst() && nextVideoMs <= ms) {
        byte[] frame = new byte[150 + nextVideoMs % 97];
        Arrays.fill(frame, (byte) 0x9D);
        out.writeBytes(Ebml.element(0xA3, block(1, nextVideoMs - clusterStart, 0x80, frame)));
        nextVideoMs += 33;
      }
      List<byte[]> frames = packets.subList(i, Math.min(packets.size(), i + layout.framesPerBlock()));
      byte[] laced = lace(frames, layout.lacing());
      int flags = switch (layout.lacing()) {
        case NONE -> 0;
        case XIPH -> 1 << 1;
        case FIXED -> 2 << 1;
        case EBML -> 3 << 1;
      };
      if (layout.blockGroups()) {
        out.writeBytes(Ebml.element(0xA0, Ebml.element(0xA1, block(audioTrack, ms - clusterStart, flags, laced))));
      } else {
        out.writeBytes(Ebml.element(0xA3, block(audioTrack, ms - clusterStart, 0x80 | flags, laced)));
      }
    }
    return out.toByteArray();
  }

  private static byte[] block(long track, long relativeMs, int flags, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write((int) (0x80 | track));
    out.write((int) (relativeMs >> 8));
    out.write((int) relativeMs);
    out.write(flags);
    out.writeBytes(data);
    return out.toByteArray();
  }

  private static byte[] lace(List<byte[]> frames, Lacing lacing) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (lacing == Lacing.NONE) {
      if (frames.size() != 1) {
        throw new IllegalArgumentException("without lacing a block holds one frame");
      }
      return frames.get(0);
    }
    out.write(frames.size() - 1);
    switch (lacing) {
      case XIPH -> {
        for (byte[] f : frames.subList(0, frames.size() - 1)) {
          int size = f.length;
          while (size >= 255) {
            out.write(255);
            size -= 255;
          }
          out.write(size);
        }
      }
      case EBML -> {
        out.writeBytes(Ebml.size(frames.get(0).length));
        for (int i = 1; i < frames.size() - 1; i++) {
          int diff = frames.get(i).length - frames.get(i - 1).length;
          // signed: stored as diff + bias in a 2-byte vint (bias 2^13 - 1)
          int raw = diff + 8191;
          out.write(0x40 | (raw >> 8));
          out.write(raw & 0xFF);
        }
      }
      case FIXED -> {
        for (byte[] f : frames) {
          if (f.length != frames.get(0).length) {
            throw new IllegalArgumentException("fixed lacing needs equal frames: encode with constant bitrate");
          }
        }
      }
      default -> throw new AssertionError(lacing);
    }
    frames.forEach(out::writeBytes);
    return out.toByteArray();
  }

  static byte[] opusHead(int channels, int preSkip) {
    return ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN).put("OpusHead".getBytes(StandardCharsets.US_ASCII))
        .put((byte) 1).put((byte) channels).putShort((short) preSkip).putInt(OPUS_RATE).putShort((short) 0)
        .put((byte) 0).array();
  }

  // ---------------------------------------------------------------- Ogg

  /** Mono 48 kHz PCM as Firefox's MediaRecorder would upload it (audio/ogg;codecs=opus). */
  public static byte[] ogg(short[] pcm48k) {
    return ogg(opus(pcm48k));
  }

  public static byte[] ogg(Opus opus) {
    return Ogg.write(opus, opusHead(opus.channels(), opus.preSkip()));
  }

  // ---------------------------------------------------------------- WAV

  /** 16-bit PCM WAV, channels interleaved. */
  public static byte[] wav(short[] interleaved, int rate, int channels) {
    ByteBuffer b = ByteBuffer.allocate(44 + 2 * interleaved.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * interleaved.length)
        .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
        .putShort((short) channels).putInt(rate).putInt(rate * channels * 2).putShort((short) (channels * 2))
        .putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * interleaved.length);
    for (short s : interleaved) {
      b.putShort(s);
    }
    return b.array();
  }

  // ---------------------------------------------------------------- MP4

  /** Mono 48 kHz PCM as Chromium's MediaRecorder uploads audio/mp4: fragmented MP4 with Opus, a fragment per 250 ms. */
  public static byte[] mp4(short[] pcm48k) {
    Opus opus = opus(pcm48k);
    return Mp4.fragmented(Mp4.opusEntry(opus.channels(), opus.preSkip()), opus.packets(), FRAME, OPUS_RATE, 12);
  }

  /** AAC in MP4 as Safari records it, fragmented or progressive ({@code stbl} tables, one chunk). */
  public static byte[] mp4Aac(byte[] audioSpecificConfig, List<byte[]> frames, int rate, int channels,
      boolean fragmented) {
    byte[] entry = Mp4.aacEntry(audioSpecificConfig, rate, channels);
    return fragmented ? Mp4.fragmented(entry, frames, 1024, rate, 12) : Mp4.progressive(entry, frames, 1024, rate);
  }

  /** AudioSpecificConfig for AAC-LC. */
  public static byte[] aacLcConfig(int rate, int channels) {
    int index = List.of(96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000)
        .indexOf(rate);
    if (index < 0) {
      throw new IllegalArgumentException("no AAC rate index for " + rate);
    }
    int bits = 2 << 11 | index << 7 | channels << 3;
    return new byte[] {(byte) (bits >> 8), (byte) bits};
  }

  /**
   * One silent AAC-LC frame for a mono stream (1024 samples): a single channel element with no scale factor bands.
   * No AAC encoder runs in pure Java here, so AAC tests check the container path and durations, not waveforms.
   */
  public static byte[] silentAacFrame() {
    // SCE, tag 0, global_gain 160, ONLY_LONG, KBD window, max_sfb 0, no pulse/TNS/gain control, then END.
    return new byte[] {0x01, 0x40, 0x20, 0x07};
  }

  // ---------------------------------------------------------------- writers

  /** EBML element writing: IDs carry their marker bits; sizes are minimal vints. */
  static final class Ebml {
    private Ebml() {}

    static byte[] element(long id, byte[] payload) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(id(id));
      out.writeBytes(size(payload.length));
      out.writeBytes(payload);
      return out.toByteArray();
    }

    static byte[] unknownSize(long id) {
      return concat(id(id), new byte[] {1, -1, -1, -1, -1, -1, -1, -1});
    }

    static byte[] uint(long id, long value) {
      int width = Math.max(1, (71 - Long.numberOfLeadingZeros(value)) / 8);
      byte[] payload = new byte[width];
      for (int i = 0; i < width; i++) {
        payload[width - 1 - i] = (byte) (value >> (8 * i));
      }
      return element(id, payload);
    }

    static byte[] string(long id, String value) {
      return element(id, value.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] floating(long id, double value) {
      return element(id, ByteBuffer.allocate(8).putDouble(value).array());
    }

    static byte[] id(long id) {
      int width = Math.max(1, (71 - Long.numberOfLeadingZeros(id)) / 8);
      byte[] out = new byte[width];
      for (int i = 0; i < width; i++) {
        out[width - 1 - i] = (byte) (id >> (8 * i));
      }
      return out;
    }

    static byte[] size(long size) {
      int width = 1;
      while (size >= (1L << (7 * width)) - 1) {
        width++;
      }
      byte[] out = new byte[width];
      long marked = size | (1L << (7 * width));
      for (int i = 0; i < width; i++) {
        out[width - 1 - i] = (byte) (marked >> (8 * i));
      }
      return out;
    }

    static byte[] concat(byte[]... parts) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (byte[] p : parts) {
        out.writeBytes(p);
      }
      return out.toByteArray();
    }
  }

  /** Ogg pages (RFC 3533) for one Opus stream (RFC 7845). */
  static final class Ogg {
    /** Odd, so packets of two segments (over 255 bytes) straddle pages and the demuxer must join them. */
    private static final int MAX_SEGMENTS = 51;

    private static final int[] CRC = new int[256];

    static {
      for (int i = 0; i < 256; i++) {
        int r = i << 24;
        for (int k = 0; k < 8; k++) {
          r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
        }
        CRC[i] = r;
      }
    }

    private Ogg() {}

    static byte[] write(Opus opus, byte[] head) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int serial = 0x0DDC0DE;
      int[] sequence = {0};
      page(out, serial, sequence, 0x02, 0, List.of(head));
      byte[] tags = ByteBuffer.allocate(8 + 4 + 4 + 4).order(ByteOrder.LITTLE_ENDIAN)
          .put("OpusTags".getBytes(StandardCharsets.US_ASCII)).putInt(4).put("test".getBytes(StandardCharsets.US_ASCII))
          .putInt(0).array();
      page(out, serial, sequence, 0, 0, List.of(tags));
      // Lacing values for all audio packets, each tagged with the granule at its end.
      List<int[]> segments = new ArrayList<>();
      List<byte[]> packets = opus.packets();
      long end = opus.preSkip() + (long) opus.samplesPerChannel();
      for (int i = 0; i < packets.size(); i++) {
        int length = packets.get(i).length;
        long granule = Math.min(end, opus.preSkip() + (long) (i + 1) * FRAME);
        do {
          int lace = Math.min(255, length);
          segments.add(new int[] {i, lace, lace < 255 ? (int) granule : -1});
          length -= lace;
          if (lace == 255 && length == 0) {
            segments.add(new int[] {i, 0, (int) granule});
          }
        } while (length > 0);
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      int[] offsets = new int[packets.size()];
      boolean continued = false;
      for (int s = 0; s < segments.size(); s += MAX_SEGMENTS) {
        List<int[]> chunk = segments.subList(s, Math.min(segments.size(), s + MAX_SEGMENTS));
        body.reset();
        long granule = -1;
        byte[] laces = new byte[chunk.size()];
        for (int k = 0; k < chunk.size(); k++) {
          int[] seg = chunk.get(k);
          body.write(packets.get(seg[0]), offsets[seg[0]], seg[1]);
          offsets[seg[0]] += seg[1];
          laces[k] = (byte) seg[1];
          if (seg[2] >= 0) {
            granule = seg[2];
          }
        }
        boolean last = s + MAX_SEGMENTS >= segments.size();
        int flags = (continued ? 0x01 : 0) | (last ? 0x04 : 0);
        writePage(out, serial, sequence[0]++, flags, granule, laces, body.toByteArray());
        continued = chunk.get(chunk.size() - 1)[1] == 255;
      }
      return out.toByteArray();
    }

    private static void page(ByteArrayOutputStream out, int serial, int[] sequence, int flags, long granule,
        List<byte[]> packets) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      ByteArrayOutputStream laces = new ByteArrayOutputStream();
      for (byte[] p : packets) {
        int length = p.length;
        while (length >= 255) {
          laces.write(255);
          length -= 255;
        }
        laces.write(length);
        body.writeBytes(p);
      }
      writePage(out, serial, sequence[0]++, flags, granule, laces.toByteArray(), body.toByteArray());
    }

    private static void writePage(ByteArrayOutputStream out, int serial, int sequence, int flags, long granule,
        byte[] laces, byte[] body) {
      ByteBuffer page = ByteBuffer.allocate(27 + laces.length + body.length).order(ByteOrder.LITTLE_ENDIAN);
      page.put("OggS".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) flags).putLong(granule)
          .putInt(serial).putInt(sequence).putInt(0).put((byte) laces.length).put(laces).put(body);
      byte[] bytes = page.array();
      int crc = 0;
      for (byte v : bytes) {
        crc = (crc << 8) ^ CRC[((crc >>> 24) ^ v) & 0xFF];
      }
      ByteBuffer.wrap(bytes, 22, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(crc);
      out.writeBytes(bytes);
    }
  }

  /** ISO BMFF boxes: just what a demuxer needs, plus the headers players insist on. */
  static final class Mp4 {
    private Mp4() {}

    static byte[] box(String type, byte[]... children) {
      byte[] payload = Ebml.concat(children);
      return ByteBuffer.allocate(8 + payload.length).putInt(8 + payload.length)
          .put(type.getBytes(StandardCharsets.ISO_8859_1)).put(payload).array();
    }

    static byte[] full(String type, int version, int flags, byte[] payload) {
      return box(type, ByteBuffer.allocate(4).putInt(version << 24 | flags).array(), payload);
    }

    static byte[] ints(int... values) {
      ByteBuffer b = ByteBuffer.allocate(4 * values.length);
      for (int v : values) {
        b.putInt(v);
      }
      return b.array();
    }

    static byte[] audioEntry(String type, int channels, int rate, byte[] config) {
      ByteBuffer b = ByteBuffer.allocate(28);
      b.put(new byte[6]).putShort((short) 1).put(new byte[8]).putShort((short) channels).putShort((short) 16)
          .putInt(0).putInt(rate << 16);
      return box(type, b.array(), config);
    }

    static byte[] opusEntry(int channels, int preSkip) {
      byte[] dops = ByteBuffer.allocate(11).put((byte) 0).put((byte) channels).putShort((short) preSkip)
          .putInt(OPUS_RATE).putShort((short) 0).put((byte) 0).array();
      return audioEntry("Opus", channels, OPUS_RATE, box("dOps", dops));
    }

    static byte[] aacEntry(byte[] asc, int rate, int channels) {
      byte[] dsi = descriptor(5, asc);
      byte[] config = descriptor(4, Ebml.concat(new byte[] {0x40, 0x15, 0, 0, 0}, ints(64_000, 64_000), dsi));
      byte[] es = descriptor(3, Ebml.concat(new byte[] {0, 1, 0}, config, descriptor(6, new byte[] {2})));
      return audioEntry("mp4a", channels, rate, full("esds", 0, 0, es));
    }

    private static byte[] descriptor(int tag, byte[] body) {
      // the four-byte size form, as Apple's and ffmpeg's muxers write it
      int n = body.length;
      return Ebml.concat(new byte[] {(byte) tag, (byte) (0x80 | n >> 21 & 0x7F), (byte) (0x80 | n >> 14 & 0x7F),
          (byte) (0x80 | n >> 7 & 0x7F), (byte) (n & 0x7F)}, body);
    }

    private static byte[] moov(byte[] entry, int timescale, byte[] tables, boolean fragmented) {
      byte[] mvhd = full("mvhd", 0, 0, Ebml.concat(ints(0, 0, 1000, 0, 0x00010000), new byte[] {1, 0},
          new byte[10], ints(0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000), new byte[24], ints(2)));
      byte[] tkhd = full("tkhd", 0, 3, Ebml.concat(ints(0, 0, 1, 0, 0), new byte[8],
          new byte[] {0, 0, 0, 0, 1, 0, 0, 0},
          ints(0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000), ints(0, 0)));
      byte[] mdhd = full("mdhd", 0, 0, Ebml.concat(ints(0, 0, timescale, 0), new byte[] {0x55, (byte) 0xC4, 0, 0}));
      byte[] hdlr = full("hdlr", 0, 0, Ebml.concat(ints(0), "soun".getBytes(StandardCharsets.ISO_8859_1),
          new byte[12], "SoundHandler\0".getBytes(StandardCharsets.ISO_8859_1)));
      byte[] dinf = box("dinf", full("dref", 0, 0, Ebml.concat(ints(1), full("url ", 0, 1, new byte[0]))));
      byte[] stbl = box("stbl", full("stsd", 0, 0, Ebml.concat(ints(1), entry)), tables);
      byte[] minf = box("minf", full("smhd", 0, 0, new byte[4]), dinf, stbl);
      byte[] trak = box("trak", tkhd, box("mdia", mdhd, hdlr, minf));
      return fragmented ? box("moov", mvhd, trak, box("mvex", full("trex", 0, 0, ints(1, 1, 0, 0, 0))))
          : box("moov", mvhd, trak);
    }

    private static byte[] ftyp(String brand) {
      return box("ftyp", brand.getBytes(StandardCharsets.ISO_8859_1), ints(0),
          "isomiso6mp41".getBytes(StandardCharsets.ISO_8859_1));
    }

    static byte[] fragmented(byte[] entry, List<byte[]> samples, int duration, int timescale, int perFragment) {
      byte[] empty = Ebml.concat(full("stts", 0, 0, ints(0)), full("stsc", 0, 0, ints(0)),
          full("stsz", 0, 0, ints(0, 0)), full("stco", 0, 0, ints(0)));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(ftyp("iso6"));
      out.writeBytes(moov(entry, timescale, empty, true));
      for (int first = 0, sequence = 1; first < samples.size(); first += perFragment, sequence++) {
        List<byte[]> fragment = samples.subList(first, Math.min(samples.size(), first + perFragment));
        int[] trunFields = new int[2 + 2 * fragment.size()];
        trunFields[0] = fragment.size();
        for (int i = 0; i < fragment.size(); i++) {
          trunFields[2 + 2 * i] = duration;
          trunFields[3 + 2 * i] = fragment.get(i).length;
        }
        byte[] tfhd = full("tfhd", 0, 0x020000, ints(1));
        byte[] tfdt = full("tfdt", 1, 0, ByteBuffer.allocate(8).putLong((long) first * duration).array());
        // data offset: from the moof's start to the first byte after the mdat header
        byte[] trun = full("trun", 0, 0x000301, ints(trunFields));
        byte[] moof = box("moof", full("mfhd", 0, 0, ints(sequence)), box("traf", tfhd, tfdt, trun));
        int dataOffset = moof.length + 8;
        ByteBuffer.wrap(moof, moof.length - trun.length + 16, 4).putInt(dataOffset);
        out.writeBytes(moof);
        out.writeBytes(box("mdat", Ebml.concat(fragment.toArray(byte[][]::new))));
      }
      return out.toByteArray();
    }

    static byte[] progressive(byte[] entry, List<byte[]> samples, int duration, int timescale) {
      int[] sizes = new int[2 + samples.size()];
      sizes[1] = samples.size();
      for (int i = 0; i < samples.size(); i++) {
        sizes[2 + i] = samples.get(i).length;
      }
      byte[] ftyp = ftyp("M4A ");
      int[] chunkOffset = {0};
      byte[] moov = null;
      for (int pass = 0; pass < 2; pass++) {
        byte[] tables = Ebml.concat(full("stts", 0, 0, ints(1, samples.size(), duration)),
            full("stsc", 0, 0, ints(1, 1, samples.size(), 1)), full("stsz", 0, 0, ints(sizes)),
            full("stco", 0, 0, ints(1, chunkOffset[0])));
        moov = moov(entry, timescale, tables, false);
        chunkOffset[0] = ftyp.length + moov.length + 8;
      }
      return Ebml.concat(ftyp, moov, box("mdat", Ebml.concat(samples.toArray(byte[][]::new))));
    }
  }
}
