package dev.candor.ai.speech;

/**
 * A recording as a client sent it.
 *
 * @param format what the client declared: a container name ("webm", "ogg", "mp4", "wav") or a MIME type
 *     ("audio/webm;codecs=opus"); the bytes decide, this only breaks ties and names the error
 */
public record AudioClip(byte[] bytes, String format) {

  public AudioClip {
    bytes = bytes == null ? new byte[0] : bytes;
    format = format == null ? "" : format.strip();
  }
}
