package dev.candor.store;

public final class DuplicateIdException extends RuntimeException {
  public DuplicateIdException(String table, String id) {
    super("A " + table + " row with id '" + id + "' already exists");
  }
}
