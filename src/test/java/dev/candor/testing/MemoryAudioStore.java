package dev.candor.testing;

import dev.candor.session.AudioStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The audio table in memory, for sessions tested without a database. */
public final class MemoryAudioStore implements AudioStore {
  private final Map<String, StoredAudio> blobs = new ConcurrentHashMap<>();

  @Override
  public void save(String id, byte[] bytes, String contentType) {
    blobs.putIfAbsent(id, new StoredAudio(bytes, contentType));
  }

  @Override
  public Optional<StoredAudio> load(String id) {
    return Optional.ofNullable(blobs.get(id));
  }

  public boolean isEmpty() {
    return blobs.isEmpty();
  }
}
