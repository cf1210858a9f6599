package dev.candor.session;

/**
 * Something went wrong that the client should hear about; nothing persisted was lost.
 *
 * @param work what could not be done, so each contract can name the failure in its own error types
 */
public record SessionProblem(Work work, String message, boolean recoverable, SessionView view) implements Notification {

  /** The kinds of work a session hands to its workers. */
  public enum Work {
    PLANNING("preparing the questions"),
    ANALYSIS("analysing your answer"),
    REPORT("writing the report"),
    TRANSCRIPTION("transcribing your answer"),
    SPEECH("speaking the interviewer's line");

    private final String description;

    Work(String description) {
      this.description = description;
    }

    /** The work as a candidate would read it in "Candor could not finish …". */
    public String description() {
      return description;
    }
  }
}
