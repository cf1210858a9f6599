package dev.candor.store;

/** An account with this email, in any letter case, already exists. */
public final class EmailTakenException extends RuntimeException {
  public EmailTakenException(String email) {
    super("An account with the email " + email + " already exists", null, false, false);
  }
}
