package dev.candor.session;

import java.util.HashSet;
import java.util.Set;

/** The worker tasks running for one session, counted in the node's {@link Admission} too. */
final class RunningTasks {
  private final Set<String> tasks = new HashSet<>();
  private final Admission admission;

  RunningTasks(Admission admission) {
    this.admission = admission;
  }

  boolean add(String task) {
    if (!tasks.add(task)) {
      return false;
    }
    admission.started();
    return true;
  }

  void remove(String task) {
    if (tasks.remove(task)) {
      admission.finished(1);
    }
  }

  void clear() {
    admission.finished(tasks.size());
    tasks.clear();
  }

  boolean isEmpty() {
    return tasks.isEmpty();
  }

  boolean admitsNewInterviews() {
    return admission.admitsNewInterviews();
  }
}
