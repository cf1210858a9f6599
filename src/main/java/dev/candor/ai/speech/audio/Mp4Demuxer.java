package dev.candor.ai.speech.audio;

import dev.candor.ai.speech.SpeechException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes the audio track's samples out of ISO MP4: progressive files through the {@code stbl} sample tables, and
 * fragmented files through {@code moof/traf/trun} (Chromium's MediaRecorder writes fragmented MP4 with Opus; Safari
 * writes AAC). Offsets come from the file, so every sample is checked against its length, and the samples together
 * may not claim more bytes than the file has (overlapping tables would otherwise copy the same megabytes repeatedly).
 */
final class Mp4Demuxer {

  /** The audio track: Opus packets ({@code opus} set) or AAC frames ({@code audioSpecificConfig} set). */
  record Mp4Audio(OpusStream opus, byte[] audioSpecificConfig, List<byte[]> frames, boolean truncated) {}

  private static final class Track {
    long id = -1;
    String handler = "";
    String entry = "";
    OpusStream.Header opusHeader;
    int objectType = -1;
    byte[] audioSpecificConfig;
    long fixedSize;
    long fixedCount;
    long[] sizes = new long[0];
    long[] chunkOffsets = new long[0];
    long[] stsc = new long[0];
    long defaultSize;
  }

  private interface Visitor {
    void visit(String type, int start, int end, int boxStart) throws SpeechException;
  }

  private final byte[] b;
  private final Map<Long, Track> tracks = new LinkedHashMap<>();
  private final List<Integer> fragments = new ArrayList<>();
  private final List<byte[]> frames = new ArrayList<>();
  private long frameBytes;
  private boolean truncated;
  private boolean sawMoov;
  private Track current;

  private Mp4Demuxer(byte[] bytes) {
    this.b = bytes;
  }

  static Mp4Audio read(byte[] bytes) throws SpeechException {
    return new Mp4Demuxer(bytes).read();
  }

  private Mp4Audio read() throws SpeechException {
    truncated |= !children(0, b.length, (type, start, end, boxStart) -> {
      switch (type) {
        case "moov" -> {
          sawMoov = true;
          children(start, end, this::moov);
        }
        case "moof" -> fragments.add(boxStart);
        default -> { }
      }
    });
    if (!sawMoov) {
      throw Failures.invalid("the MP4 file has no movie header (moov)" + (truncated ? "; it is cut short" : ""));
    }
    Track audio = tracks.values().stream().filter(t -> t.handler.equals("soun")).findFirst().orElse(null);
    if (audio == null) {
      throw Failures.empty("the MP4 file has no audio track");
    }
    boolean opus = audio.entry.equals("Opus");
    boolean aac = audio.entry.equals("mp4a") && (audio.objectType == 0x40 || audio.objectType == 0x66
        || audio.objectType == 0x67 || audio.objectType == 0x68);
    if (!opus && !aac) {
      throw Failures.unsupported("MP4 audio in codec " + codecName(audio) + " is not supported (Opus or AAC only)");
    }
    if (opus && audio.opusHeader == null || aac && audio.audioSpecificConfig == null) {
      throw Failures.invalid("the MP4 file's " + audio.entry + " track has no decoder configuration");
    }
    tableSamples(audio);
    for (int moof : fragments) {
      fragmentSamples(audio, moof);
    }
    if (opus) {
      OpusStream.Header h = audio.opusHeader;
      return new Mp4Audio(new OpusStream(h.channels(), h.preSkip(), h.gainQ8(), frames, -1, truncated), null,
          frames, truncated);
    }
    return new Mp4Audio(null, audio.audioSpecificConfig, frames, truncated);
  }

  private void moov(String type, int start, int end, int boxStart) throws SpeechException {
    switch (type) {
      case "trak" -> {
        current = new Track();
        children(start, end, this::trak);
        if (current.id >= 0) {
          tracks.putIfAbsent(current.id, current);
        }
      }
      case "mvex" -> children(start, end, (t, s, e, bs) -> {
        if (t.equals("trex") && e - s >= 24) {
          Track track = tracks.get(u32(s + 4));
          if (track != null) {
            track.defaultSize = u32(s + 16);
          }
        }
      });
      default -> { }
    }
  }

  private void trak(String type, int start, int end, int boxStart) throws SpeechException {
    switch (type) {
      case "tkhd" -> {
        if (start >= end) {
          return;
        }
        int version = b[start] & 0xFF;
        int at = start + (version == 1 ? 20 : 12);
        if (at + 4 <= end) {
          current.id = u32(at);
        }
      }
      case "mdia", "minf", "stbl" -> children(start, end, this::trak);
      case "hdlr" -> {
        if (start + 12 <= end) {
          current.handler = fourcc(start + 8);
        }
      }
      case "stsd" -> children(start + 8, end, this::sampleEntry);
      case "stsz" -> {
        if (start + 12 <= end) {
          current.fixedSize = u32(start + 4);
          current.fixedCount = u32(start + 8);
          current.sizes = current.fixedSize == 0 ? table(start + 8, end, 1) : new long[0];
        }
      }
      case "stco" -> current.chunkOffsets = table(start + 4, end, 1);
      case "co64" -> {
        long[] pairs = table(start + 4, end, 2);
        current.chunkOffsets = new long[pairs.length / 2];
        for (int i = 0; i < current.chunkOffsets.length; i++) {
          current.chunkOffsets[i] = pairs[2 * i] << 32 | pairs[2 * i + 1];
        }
      }
      case "stsc" -> current.stsc = table(start + 4, end, 3);
      default -> { }
    }
  }

  /** A count-prefixed table of 32-bit fields, {@code width} fields per entry; the count is capped by the box. */
  private long[] table(int at, int end, int width) {
    if (at + 4 > end) {
      return new long[0];
    }
    long count = Math.min(u32(at), (end - at - 4L) / (4L * width));
    long[] values = new long[(int) count * width];
    for (int i = 0; i < values.length; i++) {
      values[i] = u32(at + 4 + 4 * i);
    }
    return values;
  }

  private void sampleEntry(String type, int start, int end, int boxStart) throws SpeechException {
    if (!current.entry.isEmpty()) {
      return;
    }
    current.entry = type;
    if (start + 28 > end) {
      return;
    }
    // QuickTime sound descriptions version 1 and 2 carry 16 and 36 more bytes before the child boxes.
    int version = u16(start + 8);
    int childrenAt = start + 28 + (version == 1 ? 16 : version == 2 ? 36 : 0);
    children(Math.min(childrenAt, end), end, (t, s, e, bs) -> {
      if (t.equals("dOps") && e - s >= 11) {
        current.opusHeader = new OpusStream.Header(b[s + 1] & 0xFF, u16(s + 2), (short) u16(s + 8), b[s + 10] & 0xFF);
      } else if (t.equals("esds") && e - s > 4) {
        descriptors(s + 4, e, 0);
      }
    });
  }

  /** MPEG-4 descriptors (ISO 14496-1): ES_Descriptor, DecoderConfigDescriptor, DecoderSpecificInfo. */
  private void descriptors(int pos, int end, int depth) {
    while (depth < 4 && pos + 2 <= end) {
      int tag = b[pos++] & 0xFF;
      int length = 0;
      for (int i = 0; i < 4 && pos < end; i++) {
        int v = b[pos++] & 0xFF;
        length = length << 7 | (v & 0x7F);
        if ((v & 0x80) == 0) {
          break;
        }
      }
      int bodyEnd = (int) Math.min(end, (long) pos + length);
      switch (tag) {
        case 3 -> {
          if (pos + 3 > bodyEnd) {
            return;
          }
          int flags = b[pos + 2] & 0xFF;
          int at = pos + 3 + ((flags & 0x80) != 0 ? 2 : 0);
          if ((flags & 0x40) != 0 && at < bodyEnd) {
            at += 1 + (b[at] & 0xFF);
          }
          at += (flags & 0x20) != 0 ? 2 : 0;
          descriptors(at, bodyEnd, depth + 1);
        }
        case 4 -> {
          if (pos + 13 > bodyEnd) {
            return;
          }
          current.objectType = b[pos] & 0xFF;
          descriptors(pos + 13, bodyEnd, depth + 1);
        }
        case 5 -> current.audioSpecificConfig = Arrays.copyOfRange(b, pos, bodyEnd);
        default -> { }
      }
      pos = bodyEnd;
    }
  }

  private void tableSamples(Track track) {
    long[] stsc = track.stsc;
    long sampleCount = track.fixedSize != 0 ? Math.min(track.fixedCount, b.length) : track.sizes.length;
    int sample = 0;
    for (int chunk = 0; chunk < track.chunkOffsets.length && sample < sampleCount; chunk++) {
      long perChunk = 0;
      for (int e = 0; e + 2 < stsc.length; e += 3) {
        if (stsc[e] <= chunk + 1) {
          perChunk = stsc[e + 1];
        }
      }
      long offset = track.chunkOffsets[chunk];
      for (long s = 0; s < perChunk && sample < sampleCount; s++, sample++) {
        long size = track.fixedSize != 0 ? track.fixedSize : track.sizes[sample];
        if (!add(offset, size)) {
          return;
        }
        offset += size;
      }
    }
  }

  private void fragmentSamples(Track track, int moof) throws SpeechException {
    long moofSize = u32(moof);
    int end = (int) Math.min(b.length, moofSize < 8 ? b.length : moof + moofSize);
    children(moof + 8, end, (type, start, trafEnd, boxStart) -> {
      if (!type.equals("traf")) {
        return;
      }
      long[] base = {moof, -1, track.defaultSize};
      boolean[] mine = {false};
      children(start, trafEnd, (t, s, e, bs) -> {
        if (t.equals("tfhd") && s + 8 <= e) {
          int flags = u24(s + 1);
          mine[0] = u32(s + 4) == track.id;
          int at = s + 8;
          if ((flags & 0x1) != 0 && at + 8 <= e) {
            base[0] = u32(at) << 32 | u32(at + 4);
            at += 8;
          }
          at += (flags & 0x2) != 0 ? 4 : 0;
          at += (flags & 0x8) != 0 ? 4 : 0;
          if ((flags & 0x10) != 0 && at + 4 <= e) {
            base[2] = u32(at);
          }
        } else if (t.equals("trun") && mine[0] && s + 8 <= e) {
          base[1] = trun(s, e, base[0], base[1], base[2]);
        }
      });
    });
  }

  /** Adds one run's samples; returns where the next run's data starts when it gives no offset. */
  private long trun(int s, int e, long base, long next, long defaultSize) {
    int flags = u24(s + 1);
    long count = u32(s + 4);
    int at = s + 8;
    long offset = next >= 0 ? next : base;
    if ((flags & 0x1) != 0 && at + 4 <= e) {
      offset = base + (int) u32(at);
      at += 4;
    }
    at += (flags & 0x4) != 0 ? 4 : 0;
    int fields = Integer.bitCount(flags & 0xF00);
    count = Math.min(count, fields == 0 ? b.length : (e - at) / (4L * fields));
    for (long i = 0; i < count; i++) {
      at += (flags & 0x100) != 0 ? 4 : 0;
      long size = defaultSize;
      if ((flags & 0x200) != 0) {
        size = u32(at);
        at += 4;
      }
      at += (flags & 0x400) != 0 ? 4 : 0;
      at += (flags & 0x800) != 0 ? 4 : 0;
      if (size == 0 || !add(offset, size)) {
        return offset;
      }
      offset += size;
    }
    return offset;
  }

  /** Copies a sample out, if it lies within the file; false (and truncated) otherwise. */
  private boolean add(long offset, long size) {
    if (offset < 0 || size <= 0 || offset + size > b.length) {
      truncated = true;
      return false;
    }
    frameBytes += size;
    if (frameBytes > b.length) {
      truncated = true;
      return false;
    }
    frames.add(Arrays.copyOfRange(b, (int) offset, (int) (offset + size)));
    return true;
  }

  /** Visits the boxes in [from, to); false if the last one runs past {@code to} or is malformed. */
  private boolean children(int from, int to, Visitor visitor) throws SpeechException {
    int pos = from;
    while (to - pos >= 8) {
      long size = u32(pos);
      String type = fourcc(pos + 4);
      int header = 8;
      if (size == 1) {
        if (to - pos < 16) {
          return false;
        }
        size = u32(pos + 8) << 32 | u32(pos + 12);
        header = 16;
      } else if (size == 0) {
        size = to - pos;
      }
      if (size < header) {
        return false;
      }
      boolean cut = size > to - pos;
      int end = cut ? to : (int) (pos + size);
      visitor.visit(type, pos + header, end, pos);
      if (cut) {
        return false;
      }
      pos = end;
    }
    return pos == to;
  }

  private static String codecName(Track track) {
    if (track.entry.equals("mp4a")) {
      return switch (track.objectType) {
        case 0x69, 0x6B -> "MP3";
        case 0xA5 -> "AC-3";
        case 0xA6 -> "E-AC-3";
        default -> "mp4a (object type 0x" + Integer.toHexString(track.objectType) + ")";
      };
    }
    return track.entry.isEmpty() ? "(none declared)" : track.entry.replaceAll("[^\\x20-\\x7e]", "?");
  }

  private String fourcc(int at) {
    return new String(b, at, 4, StandardCharsets.ISO_8859_1);
  }

  private long u32(int at) {
    return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
  }

  private int u24(int at) {
    return (b[at] & 0xFF) << 16 | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF);
  }

  private int u16(int at) {
    return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
  }
}
