package dev.candor.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FillerWordsTest {

  @ParameterizedTest(name = "[{0}] fillers in \"{1}\"")
  @CsvSource(delimiter = '|', textBlock = """
      0 | I like Java
      0 | We used tools like Kafka and RabbitMQ.
      0 | I would like to lead a team.
      0 | I refactored it so that we could ship weekly.
      0 | It was so much work.
      0 | We fixed bugs, wrote tests and so on.
      0 | I think so.
      0 | I was tired so I left.
      0 | We were late, so I left early.
      0 | So that we could scale, I split the service.
      0 | You know the answer already.
      0 | Do you know what happened next?
      0 | Do you know?
      1 | I was, like, nervous.
      3 | Um, so, like, we started over.
      1 | So, we started over.
      1 | So I rewrote the parser.
      1 | It was, you know, hard.
      1 | It was hard, you know.
      1 | You know, the deadline moved.
      2 | like, um
      2 | Basically it was basically done.
      2 | um so we shipped it
      3 | Umm, uhh, uhm... hmm.
      0 | Hmm, it's hard to say.
      0 | I feel like I will always learn something. It seems like a good job.
      0 | I love learning. So, the idea of a field that never stands still draws me.
      0 | We had data, like an API call or like some data.
      0 | Someone like myself, more like twenty-two.
      6 | So, like, I was the coordinator, and I was, like, in charge, and I, like, had to plan dinner for, like, 20 people. It was, like, important.
      9 | So like… async await is basically like… when you want to like… wait for something, like an API call or like some data, so like it pauses and um… yeah it like waits and then like continues…
      4 | So I'm basically um like kinda organised?
      1 | They talk to suppliers, you know things that they need.
      0 | I told them, you know that we would ship.
      0 | It works just like I expected.
      0 | Developers that like Kafka stay.
      1 | I, um, like working here.
      """)
  void countsFillersOnlyWhereTheyAreFillers(int expected, String sentence) {
    assertEquals(expected, FillerWords.in(sentence).total(), sentence);
  }

  @Test
  void countsAcrossSentencesAndReportsTheMostUsed() {
    FillerWords.Count count = FillerWords.in(
        "So, um, I joined the team. Um, the project was, like, late. I like Kafka, you know. Basically we fixed it.");
    // So, um, um, like, you know, basically
    assertEquals(6, count.total());
    assertEquals("um", count.mostUsed(1).get(0));
    // "you know" takes two words.
    assertEquals(7, count.tokens());
  }

  @Test
  void emptyAndNullTextHaveNoFillers() {
    assertEquals(0, FillerWords.in("").total());
    assertEquals(0, FillerWords.in((String) null).total());
  }
}
