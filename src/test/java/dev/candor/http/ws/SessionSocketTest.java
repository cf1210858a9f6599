package dev.candor.http.ws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * When a failed answer is reported to the client. ClusterFailoverIT found the case: a node died with an answer's
 * reply, the next question reached the connection by its subscription, and the error that came after it had the
 * client send the answer again, which was taken for the next question.
 */
class SessionSocketTest {

  @Test
  void anAnswerWhoseSessionHasAskedAnotherQuestionSinceWasTaken() {
    assertTrue(SessionSocket.movedPast("q5", "q6"));
    assertTrue(SessionSocket.movedPast("q5", "q5-followup"));
  }

  @Test
  void anAnswerToTheQuestionStillShownMayBeLost() {
    assertFalse(SessionSocket.movedPast("q5", "q5"));
  }

  @Test
  void withNoQuestionOnEitherSideNothingIsKnown() {
    assertFalse(SessionSocket.movedPast(null, "q1"), "an answer sent before any question was shown");
    assertFalse(SessionSocket.movedPast("q8", null), "the interview ended: the answer may have come too late");
  }
}
