package dev.candor.interview;

public enum QuestionType {
  BEHAVIORAL,
  TECHNICAL,
  LEADERSHIP;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
