package dev.candor.ingest.job;

/** One line of a job description: a heading, a bullet, or running text. */
record JobLine(Kind kind, String text) {

  enum Kind { HEADING, BULLET, TEXT }

  static JobLine heading(String text) {
    return new JobLine(Kind.HEADING, text);
  }

  static JobLine bullet(String text) {
    return new JobLine(Kind.BULLET, text);
  }

  static JobLine text(String text) {
    return new JobLine(Kind.TEXT, text);
  }
}
