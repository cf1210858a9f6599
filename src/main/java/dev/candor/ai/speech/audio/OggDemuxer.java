package dev.candor.ai.speech.audio;

import dev.candor.ai.speech.SpeechException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes the Opus packets out of an Ogg file (RFC 3533 pages, RFC 7845 Opus mapping). Packets are rebuilt from the
 * segment tables, since a packet may run across pages; other logical streams in the file (a video track) are read
 * and dropped.
 */
final class OggDemuxer {

  private static final int HEADER = 27;
  private static final int EOS = 0x04;

  private OggDemuxer() {}

  private static final class Stream {
    final List<byte[]> packets = new ArrayList<>();
    final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    long lastGranule = -1;
    boolean ended;
  }

  static OpusStream read(byte[] b) throws SpeechException {
    Map<Integer, Stream> streams = new LinkedHashMap<>();
    boolean truncated = false;
    int pos = 0;
    while (pos < b.length) {
      if (b.length - pos < HEADER || !isCapture(b, pos)) {
        // Trailing junk or a page cut off mid-header: keep the pages before it.
        truncated = true;
        break;
      }
      int segments = b[pos + 26] & 0xFF;
      int bodyStart = pos + HEADER + segments;
      if (bodyStart > b.length) {
        truncated = true;
        break;
      }
      int bodyLength = 0;
      for (int i = 0; i < segments; i++) {
        bodyLength += b[pos + HEADER + i] & 0xFF;
      }
      if (bodyStart + bodyLength > b.length) {
        truncated = true;
        break;
      }
      int flags = b[pos + 5] & 0xFF;
      long granule = le(b, pos + 6, 8);
      int serial = (int) le(b, pos + 14, 4);
      Stream stream = streams.computeIfAbsent(serial, s -> new Stream());
      int offset = bodyStart;
      for (int i = 0; i < segments; i++) {
        int lace = b[pos + HEADER + i] & 0xFF;
        stream.partial.write(b, offset, lace);
        offset += lace;
        if (lace < 255) {
          stream.packets.add(stream.partial.toByteArray());
          stream.partial.reset();
        }
      }
      if (granule != -1) {
        stream.lastGranule = granule;
      }
      stream.ended |= (flags & EOS) != 0;
      pos = bodyStart + bodyLength;
    }
    Stream opus = null;
    OpusStream.Header head = null;
    String other = null;
    for (Stream s : streams.values()) {
      if (s.packets.isEmpty()) {
        continue;
      }
      byte[] first = s.packets.get(0);
      OpusStream.Header h = OpusStream.opusHead(first);
      if (h != null) {
        opus = s;
        head = h;
        break;
      }
      other = other == null ? codecName(first) : other;
    }
    if (opus == null) {
      if (other != null && !other.equals("Theora")) {
        throw Failures.unsupported("Ogg audio in codec " + other + " is not supported (only Opus)");
      }
      if (streams.isEmpty() || truncated) {
        throw Failures.invalid("the Ogg file ends before its audio starts");
      }
      throw Failures.empty("the Ogg file has no audio stream");
    }
    // Packet 0 is OpusHead, packet 1 OpusTags; audio follows.
    List<byte[]> audio = opus.packets.size() > 2 ? opus.packets.subList(2, opus.packets.size()) : List.of();
    long playable = opus.ended && opus.lastGranule >= head.preSkip() ? opus.lastGranule - head.preSkip() : -1;
    return new OpusStream(head.channels(), head.preSkip(), head.gainQ8(), audio, playable,
        truncated || opus.partial.size() > 0);
  }

  private static boolean isCapture(byte[] b, int pos) {
    return b[pos] == 'O' && b[pos + 1] == 'g' && b[pos + 2] == 'g' && b[pos + 3] == 'S' && b[pos + 4] == 0;
  }

  private static String codecName(byte[] first) {
    String head = new String(first, 0, Math.min(first.length, 8), StandardCharsets.ISO_8859_1);
    if (head.startsWith("\u0001vorbis")) {
      return "Vorbis";
    }
    if (head.startsWith("Speex")) {
      return "Speex";
    }
    if (head.startsWith("\u007fFLAC") || head.startsWith("fLaC")) {
      return "FLAC";
    }
    if (head.startsWith("\u0080theora")) {
      return "Theora";
    }
    return "unknown (" + head.replaceAll("[^\\x20-\\x7e]", "?") + ")";
  }

  private static long le(byte[] b, int offset, int width) {
    long v = 0;
    for (int i = width - 1; i >= 0; i--) {
      v = v << 8 | (b[offset + i] & 0xFF);
    }
    return v;
  }
}
