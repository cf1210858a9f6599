package dev.candor.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StarDetectorTest {

  @Test
  void detectsEachPartFromItsCues() {
    assertTrue(StarDetector.detect("When I was at Globex, the billing job kept failing.").situation());
    assertTrue(StarDetector.detect("At my previous job the release process was manual.").situation());
    assertTrue(StarDetector.detect("Back in 2019 we were migrating to the cloud.").situation());
    assertTrue(StarDetector.detect("I worked at Initech on payments.").situation());

    assertTrue(StarDetector.detect("My goal was to cut the build time.").task());
    assertTrue(StarDetector.detect("I was tasked with fixing the flaky tests.").task());
    assertTrue(StarDetector.detect("We had to ship before Black Friday.").task());

    assertTrue(StarDetector.detect("I decided to split the job into batches.").action());
    assertTrue(StarDetector.detect("First, I reproduced the bug locally.").action());
    assertTrue(StarDetector.detect("I set up a canary release.").action());
    assertTrue(StarDetector.detect("I reached out to the vendor.").action());

    assertTrue(StarDetector.detect("As a result, the build took half the time.").result());
    assertTrue(StarDetector.detect("Latency went down 40%.").result());
    assertTrue(StarDetector.detect("It reduced support tickets by 200 a month.").result());
    assertTrue(StarDetector.detect("In the end the customer renewed.").result());
  }

  @Test
  void aCueCountsWhereAWordStartsAndNowhereInsideOne() {
    // Cues are tried only at word starts: numbers and words after an apostrophe start words too.
    assertTrue(StarDetector.detect("The cache was cold. The rewrite made it 3x faster.").result());
    assertTrue(StarDetector.detect("Pages were slow. Load time went from 900 ms to 120 ms.").result());
    assertTrue(StarDetector.detect("It was a mess. Everything shipped on time.").result());
    assertTrue(StarDetector.detect("We planned it. It went successfully.").result());
    assertFalse(StarDetector.detect("We planned it. I tried unsuccessfully.").result(), "inside a word");
    assertFalse(StarDetector.detect("We planned it. The newsetback column was empty.").result(), "inside a word");
    assertFalse(StarDetector.detect("I wonce met him.").situation(), "inside a word");
  }

  @Test
  void firstPersonPastTenseIsAnActionWithoutAnyCuePhrase() {
    assertTrue(StarDetector.detect("I observed the line, then I redesigned the rota.").action());
    assertTrue(StarDetector.detect("I quietly facilitated the retro.").action());
    assertTrue(StarDetector.detect("I took the initiative.").action());
    assertFalse(StarDetector.detect("I was tired and I felt stuck.").action(), "states are not actions");
    assertFalse(StarDetector.detect("I kept hoping my manager would help.").action());
    assertFalse(StarDetector.detect("We fixed it together.").action(), "the action part is what the candidate did");
    assertFalse(StarDetector.detect("I never tested it.").action(), "what was not done is no action");
  }

  @Test
  void fillersDoNotHideCues() {
    Star star = StarDetector.detect("So, like, I was the coordinator, and I was, like, in charge of the launch.");
    assertTrue(star.situation());
    assertTrue(star.task());
  }

  @Test
  void aResultNeedsSomethingToHaveHappenedFirst() {
    assertFalse(StarDetector.detect("As a result-driven person I like goals. I work on teams. I like Java.").result());
    assertTrue(StarDetector.detect("While teaching a class, I noticed a swimmer struggling. I rewrote the drills. "
        + "As a result, she passed.").result());
    assertTrue(StarDetector.detect("While teaching a class, I noticed a swimmer struggling.").situation());
  }

  @Test
  void vagueStatementsHaveNoStarParts() {
    assertEquals(Star.NONE, StarDetector.detect("I am a hard worker and I like solving problems with my team."));
    assertEquals(Star.NONE, StarDetector.detect(""));
    assertEquals(Star.NONE, StarDetector.detect(null));
  }

  @Test
  void aFullStoryHasAllFourParts() {
    assertEquals(4, StarDetector.detect(SeedData.STRONG_KAFKA_ANSWER).count());
  }

  @Test
  void ledToIsNotAnActionAndAtTheStartIsNotACompany() {
    Star star = StarDetector.detect("At first it looked fine, which led to more confusion.");
    assertFalse(star.situation());
    assertFalse(star.action());
  }
}
