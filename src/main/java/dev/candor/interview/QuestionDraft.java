package dev.candor.interview;

import java.util.List;

/**
 * A candidate question before the planner accepts it.
 *
 * @param slugs topic slugs for the id, preferred first; the planner takes the first one not yet used,
 *     so two questions never share a topic
 * @param topic a short noun phrase naming what the question is about ("Kafka", "mentoring", "your
 *     work at Tech Corp Inc."), used to target follow-ups
 * @param source the resume or job fragment the question was built from, or null for a generic one,
 *     so one fragment does not yield two questions
 */
record QuestionDraft(QuestionType type, List<String> slugs, String topic, String text, String source) {

  /** A name that ends in an abbreviation ("TechCorp Inc.") at the end of a sentence would print "Inc.." otherwise. */
  private static final java.util.regex.Pattern DOUBLE_STOP = java.util.regex.Pattern.compile("\\.\\.(?=\\s|$)");

  QuestionDraft {
    text = DOUBLE_STOP.matcher(text).replaceAll(".");
  }

  static QuestionDraft of(QuestionType type, String slug, String topic, String text) {
    return new QuestionDraft(type, List.of(slug), topic, text, null);
  }

  /**
   * Fills a template with a fragment from a resume or job posting, clipping the fragment at a word
   * boundary so the whole text stays within {@code maxLength}.
   *
   * @param template a format string with exactly one {@code %s}
   */
  static String fit(String template, String fragment, int maxLength) {
    int room = maxLength - (template.length() - 2);
    return String.format(template, Phrases.clip(fragment, Math.max(0, room)));
  }
}
