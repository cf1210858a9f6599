package dev.candor.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TechVocabularyTest {

  private static List<String> names(String text) {
    return TechVocabulary.find(text).stream().map(TechVocabulary.Technology::name).toList();
  }

  @Test
  void holdsAboutOneHundredFiftyTechnologies() {
    assertTrue(TechVocabulary.all().size() >= 150, "size " + TechVocabulary.all().size());
  }

  @Test
  void matchesCaseInsensitivelyOnWordBoundaries() {
    assertEquals(List.of("Kafka", "PostgreSQL"), names("experience with apache kafka and postgres"));
    assertEquals(List.of("Java"), names("Java, not JavaScripty or Javanese"));
    assertEquals(List.of("JavaScript"), names("javascript"));
  }

  @Test
  void handlesSymbolsInNames() {
    assertEquals(List.of("C++", "C#", "Node.js", ".NET", "CI/CD"), names("C++, C#, Node.js, .NET and CI/CD pipelines"));
    assertEquals(List.of(".NET"), names("ASP.NET MVC"));
  }

  @Test
  void englishWordsAreNotTechnologies() {
    assertEquals(List.of(), names("we go live on Monday and the rest of the team will swift-ly follow"));
    assertEquals(List.of("Go", "REST"), names("services in Go behind a REST API"));
  }

  @Test
  void prefersTheLongestAlias() {
    assertEquals(List.of("React Native"), names("React Native apps"));
    assertEquals(List.of("Spring"), names("Spring Boot"));
  }

  @Test
  void aMentionSpansWhitespaceRunsAndKeepsItsPlaceInTheText() {
    String text = "Built  two\tReact\n   Native apps, then KAFKA.";
    List<TechVocabulary.Mention> mentions = TechVocabulary.mentions(text);
    assertEquals(List.of("React Native", "Kafka"), mentions.stream().map(m -> m.technology().name()).toList());
    assertEquals("React\n   Native", text.substring(mentions.get(0).start(), mentions.get(0).end()));
    assertEquals("KAFKA", text.substring(mentions.get(1).start(), mentions.get(1).end()));
  }

  @Test
  void aSpellingThatMustMatchExactlyFallsBackToAShorterOneOrNone() {
    assertEquals(List.of(), names("GO and RUST are shouted, not named"));
    assertEquals(List.of("Rust", "Go"), names("Rust services; Go tooling; golang"));
  }
}
