package dev.candor.ai.speech.audio;

import dev.candor.ai.speech.SpeechException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Takes the Opus packets of the audio track out of WebM/Matroska.
 *
 * <p>A flat scan rather than a tree walk: MediaRecorder writes the Segment and every Cluster with an unknown size
 * (it streams), so their ends are only known when the next element arrives. Descending into every container the scan
 * cares about, and skipping everything else by its size, needs neither end. Blocks are collected with their track
 * number and filtered once the Tracks are known, so a video track (seed 003 uploads video) costs nothing.
 */
final class WebmDemuxer {

  private static final int EBML = 0x1A45DFA3;
  private static final int DOC_TYPE = 0x4282;
  private static final int SEGMENT = 0x18538067;
  private static final int CLUSTER = 0x1F43B675;
  private static final int TRACKS = 0x1654AE6B;
  private static final int TRACK_ENTRY = 0xAE;
  private static final int TRACK_NUMBER = 0xD7;
  private static final int TRACK_TYPE = 0x83;
  private static final int CODEC_ID = 0x86;
  private static final int CODEC_PRIVATE = 0x63A2;
  private static final int AUDIO = 0xE1;
  private static final int CHANNELS = 0x9F;
  private static final int CONTENT_ENCODINGS = 0x6D80;
  private static final int BLOCK_GROUP = 0xA0;
  private static final int BLOCK = 0xA1;
  private static final int SIMPLE_BLOCK = 0xA3;

  private static final long UNKNOWN = -1;
  private static final int TRACK_TYPE_AUDIO = 2;

  private final byte[] b;
  private int pos;

  private WebmDemuxer(byte[] bytes) {
    this.b = bytes;
  }

  static OpusStream read(byte[] bytes) throws SpeechException {
    return new WebmDemuxer(bytes).read();
  }

  private static final class Track {
    long number = -1;
    long type = -1;
    String codec = "";
    byte[] codecPrivate;
    long channels = 1;
    boolean encoded;

    boolean isAudio() {
      return type == TRACK_TYPE_AUDIO || codec.startsWith("A_");
    }
  }

  private record Block(long track, int offset, int length) {}

  private OpusStream read() throws SpeechException {
    List<Track> tracks = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    Track current = null;
    boolean truncated = false;
    boolean sawSegment = false;
    while (pos < b.length) {
      long id = readId();
      long size = id < 0 ? UNKNOWN : readSize();
      if (id < 0 || pos > b.length) {
        truncated = true;
        break;
      }
      int element = (int) id;
      if (element == EBML || element == SEGMENT || element == CLUSTER || element == TRACKS
          || element == TRACK_ENTRY || element == BLOCK_GROUP || element == AUDIO) {
        sawSegment |= element == SEGMENT;
        if (element == TRACK_ENTRY) {
          current = new Track();
          tracks.add(current);
        }
        continue;
      }
      if (size == UNKNOWN || size > b.length - pos) {
        // An unknown-size leaf cannot be skipped; a size past the end is a cut-off upload. Keep what came before.
        truncated = true;
        break;
      }
      int dataStart = pos;
      int length = (int) size;
      pos += length;
      switch (element) {
        case DOC_TYPE -> {
          String docType = ascii(dataStart, length);
          if (!docType.equals("webm") && !docType.equals("matroska")) {
            throw Failures.unsupported("EBML document type \"" + docType + "\" is not WebM or Matroska");
          }
        }
        case TRACK_NUMBER -> { if (current != null) current.number = uint(dataStart, length); }
        case TRACK_TYPE -> { if (current != null) current.type = uint(dataStart, length); }
        case CODEC_ID -> { if (current != null) current.codec = ascii(dataStart, length); }
        case CODEC_PRIVATE -> { if (current != null) current.codecPrivate = slice(dataStart, length); }
        case CHANNELS -> { if (current != null) current.channels = uint(dataStart, length); }
        case CONTENT_ENCODINGS -> { if (current != null) current.encoded = true; }
        case SIMPLE_BLOCK, BLOCK -> {
          int save = pos;
          pos = dataStart;
          long track = readSize();
          pos = save;
          if (track >= 0) {
            blocks.add(new Block(track, dataStart, length));
          }
        }
        default -> { }
      }
    }
    if (!sawSegment) {
      throw Failures.invalid("the WebM file ends before its audio starts");
    }
    Track audio = chooseAudio(tracks);
    if (audio == null) {
      if (tracks.isEmpty()) {
        throw Failures.invalid("the WebM file has no track list" + (truncated ? " (it is cut short)" : ""));
      }
      throw Failures.empty("the WebM file has no audio track");
    }
    if (audio.codec.isEmpty()) {
      throw Failures.invalid("the WebM audio track declares no codec" + (truncated ? " (the file is cut short)" : ""));
    }
    if (!audio.codec.equals("A_OPUS")) {
      throw Failures.unsupported("WebM audio in codec " + audio.codec + " is not supported (only Opus)");
    }
    if (audio.encoded) {
      throw Failures.unsupported("WebM tracks with content encoding (compression or encryption) are not supported");
    }
    OpusStream.Header head = OpusStream.opusHead(audio.codecPrivate);
    int channels = head != null ? head.channels() : (int) Math.min(audio.channels, 255);
    List<byte[]> packets = new ArrayList<>();
    for (Block block : blocks) {
      if (block.track == audio.number) {
        truncated |= !frames(block, packets);
      }
    }
    return new OpusStream(channels, head != null ? head.preSkip() : 0, head != null ? head.gainQ8() : 0,
        packets, -1, truncated);
  }

  private static Track chooseAudio(List<Track> tracks) {
    Track fallback = null;
    for (Track t : tracks) {
      if (t.isAudio()) {
        if (t.codec.equals("A_OPUS")) {
          return t;
        }
        fallback = fallback == null ? t : fallback;
      }
    }
    return fallback;
  }

  /** Adds the block's frames, unlacing them; false if the block is malformed. */
  private boolean frames(Block block, List<byte[]> out) {
    int end = block.offset + block.length;
    pos = block.offset;
    if (readSize() < 0 || pos + 3 > end) {
      return false;
    }
    int flags = b[pos + 2] & 0xFF;
    pos += 3;
    int lacing = (flags >> 1) & 3;
    if (lacing == 0) {
      out.add(slice(pos, end - pos));
      return true;
    }
    if (pos >= end) {
      return false;
    }
    int count = (b[pos++] & 0xFF) + 1;
    int[] sizes = new int[count];
    long known = 0;
    switch (lacing) {
      case 1 -> { // Xiph: each size is a run of 255s and a final smaller byte
        for (int i = 0; i < count - 1; i++) {
          int size = 0;
          int v;
          do {
            if (pos >= end) {
              return false;
            }
            v = b[pos++] & 0xFF;
            size += v;
          } while (v == 255);
          sizes[i] = size;
          known += size;
        }
      }
      case 3 -> { // EBML: the first size, then signed differences
        long size = readSize();
        if (size < 0) {
          return false;
        }
        sizes[0] = (int) Math.min(size, Integer.MAX_VALUE);
        known = sizes[0];
        for (int i = 1; i < count - 1; i++) {
          int before = pos;
          long raw = readSize();
          if (raw < 0) {
            return false;
          }
          int width = pos - before;
          long bias = (1L << (7 * width - 1)) - 1;
          size += raw - bias;
          if (size < 0 || size > end) {
            return false;
          }
          sizes[i] = (int) size;
          known += size;
        }
      }
      default -> { // fixed: equal shares
        int remaining = end - pos;
        if (remaining % count != 0) {
          return false;
        }
        Arrays.fill(sizes, remaining / count);
        known = (long) remaining / count * (count - 1);
      }
    }
    long last = end - pos - known;
    if (last < 0 || pos > end) {
      return false;
    }
    sizes[count - 1] = (int) last;
    for (int size : sizes) {
      out.add(slice(pos, size));
      pos += size;
    }
    return true;
  }

  /** An element ID, marker bits kept; -1 if malformed or cut off. */
  private long readId() {
    if (pos >= b.length) {
      return -1;
    }
    int first = b[pos] & 0xFF;
    int width = Integer.numberOfLeadingZeros(first) - 23;
    if (first == 0 || width > 4 || pos + width > b.length) {
      return -1;
    }
    long id = 0;
    for (int i = 0; i < width; i++) {
      id = id << 8 | (b[pos++] & 0xFF);
    }
    return id;
  }

  /** A size (marker removed), {@link #UNKNOWN} for all ones, or -2 if malformed or cut off. */
  private long readSize() {
    if (pos >= b.length) {
      pos = b.length + 1;
      return -2;
    }
    int first = b[pos] & 0xFF;
    int width = Integer.numberOfLeadingZeros(first) - 23;
    if (first == 0 || pos + width > b.length) {
      pos = b.length + 1;
      return -2;
    }
    long value = first & (0xFF >> width);
    boolean allOnes = value == (0xFF >> width);
    pos++;
    for (int i = 1; i < width; i++) {
      int v = b[pos++] & 0xFF;
      allOnes &= v == 0xFF;
      value = value << 8 | v;
    }
    return allOnes ? UNKNOWN : value;
  }

  private long uint(int offset, int length) {
    long v = 0;
    for (int i = 0; i < Math.min(length, 8); i++) {
      v = v << 8 | (b[offset + i] & 0xFF);
    }
    return v;
  }

  private String ascii(int offset, int length) {
    return new String(b, offset, Math.min(length, 64), StandardCharsets.US_ASCII).replace("\0", "").strip();
  }

  private byte[] slice(int offset, int length) {
    return Arrays.copyOfRange(b, offset, offset + length);
  }
}
