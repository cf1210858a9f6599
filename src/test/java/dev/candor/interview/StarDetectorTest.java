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
