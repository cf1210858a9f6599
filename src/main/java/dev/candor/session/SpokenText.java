package dev.candor.session;

import dev.candor.interview.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the interviewer says aloud for an event: a greeting before the first question, the remark on the
 * previous answer before the others, a closing line at the end. The voice worker speaks it and the voice
 * dialect shows it as the interviewer's transcript, so both come from here.
 */
public final class SpokenText {

  private SpokenText() {}

  /** The closing lines, by why the interview ended. */
  private static final Map<InterviewSession.EndReason, String> CLOSINGS = Map.of(
      InterviewSession.EndReason.ALL_ANSWERED,
      "Thank you, that was my last question. I am putting your feedback together now.",
      InterviewSession.EndReason.TIME_UP,
      "We are out of time. Thank you for your answers; I am putting your feedback together now.",
      InterviewSession.EndReason.ENDED_BY_CANDIDATE,
      "Thank you for your time today. I am putting your feedback together now.");

  private static final String DEFAULT_REMARK = "Thank you.";

  /** The words for an event, or null when the event is not spoken. */
  public static String of(InterviewSession.Event event, SessionView view) {
    List<String> pieces = pieces(event, view);
    return pieces.isEmpty() ? null : String.join(" ", pieces);
  }

  /**
   * The parts the words for an event are made of, each spoken on its own (a remark, then a question; a greeting,
   * then the first question): a question's audio can be made before the remark on the answer before it is known.
   */
  static List<String> pieces(InterviewSession.Event event, SessionView view) {
    if (event instanceof InterviewSession.QuestionAsked asked) {
      return questionPieces(asked.index(), asked.acknowledgement(), view);
    }
    if (event instanceof InterviewSession.InterviewEnding ending) {
      return List.of(CLOSINGS.get(ending.reason()));
    }
    return List.of();
  }

  /** The line that asks question {@code index}, after the remark on the answer before it. */
  public static String question(int index, String acknowledgement, SessionView view) {
    return String.join(" ", questionPieces(index, acknowledgement, view));
  }

  private static List<String> questionPieces(int index, String acknowledgement, SessionView view) {
    Question question = view.questions().get(index);
    if (index == 0) {
      return List.of(greeting(view), question.text());
    }
    String remark = acknowledgement == null || acknowledgement.isBlank() ? DEFAULT_REMARK : acknowledgement;
    return List.of(remark, question.text());
  }

  /** Lines said word for word in many interviews, worth speaking once ahead of the first that needs them. */
  public static List<String> everyInterview() {
    List<String> lines = new ArrayList<>(CLOSINGS.values());
    lines.add(DEFAULT_REMARK);
    return lines;
  }

  private static String greeting(SessionView view) {
    String role = view.jobTitle() == null || view.jobTitle().isBlank() ? "" : " for the " + view.jobTitle() + " role";
    return "Hello! I'm excited to meet you today. Thank you for joining this practice interview" + role
        + ". I will ask you " + view.questions().size() + " questions; take your time with each answer.";
  }
}
