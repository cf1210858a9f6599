package dev.candor.session;

import java.io.IOException;
import java.util.Optional;

/**
 * Where recordings and synthesised speech are kept: events carry an audio id, never the bytes.
 * Calls block (a database), so the session only calls it from its workers.
 */
public interface AudioStore {

  /** Stores audio under {@code id}; storing the same id again keeps the first copy. */
  void save(String id, byte[] bytes, String contentType) throws IOException;

  Optional<StoredAudio> load(String id) throws IOException;

  record StoredAudio(byte[] bytes, String contentType) {}
}
