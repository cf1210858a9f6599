package dev.candor.session;

import dev.candor.interview.Question;

/**
 * What the interviewer says aloud for an event: a greeting before the first question, the remark on the
 * previous answer before the others, a closing line at the end. The voice worker speaks it and the voice
 * dialect shows it as the interviewer's transcript, so both come from here.
 */
public final class SpokenText {

  private SpokenText() {}

  /** The words for an event, or null when the event is not spoken. */
  public static String of(InterviewSession.Event event, SessionView view) {
    if (event instanceof InterviewSession.QuestionAsked asked) {
      return question(asked.index(), asked.acknowledgement(), view);
    }
    if (event instanceof InterviewSession.InterviewEnding ending) {
      return switch (ending.reason()) {
        case ALL_ANSWERED -> "Thank you, that was my last question. I am putting your feedback together now.";
        case TIME_UP -> "We are out of time. Thank you for your answers; I am putting your feedback together now.";
        case ENDED_BY_CANDIDATE -> "Thank you for your time today. I am putting your feedback together now.";
      };
    }
    return null;
  }

  /** The line that asks question {@code index}, after the remark on the answer before it. */
  public static String question(int index, String acknowledgement, SessionView view) {
    Question question = view.questions().get(index);
    if (index == 0) {
      return greeting(view) + " " + question.text();
    }
    String remark = acknowledgement == null || acknowledgement.isBlank() ? "Thank you." : acknowledgement;
    return remark + " " + question.text();
  }

  private static String greeting(SessionView view) {
    String role = view.jobTitle() == null || view.jobTitle().isBlank() ? "" : " for the " + view.jobTitle() + " role";
    return "Hello! I'm excited to meet you today. Thank you for joining this practice interview" + role
        + ". I will ask you " + view.questions().size() + " questions; take your time with each answer.";
  }
}
