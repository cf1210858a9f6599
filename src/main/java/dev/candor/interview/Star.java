package dev.candor.interview;

/** Which parts of the STAR method (Situation, Task, Action, Result) an answer covers. */
public record Star(boolean situation, boolean task, boolean action, boolean result) {

  public static final Star NONE = new Star(false, false, false, false);

  public int count() {
    return (situation ? 1 : 0) + (task ? 1 : 0) + (action ? 1 : 0) + (result ? 1 : 0);
  }
}
