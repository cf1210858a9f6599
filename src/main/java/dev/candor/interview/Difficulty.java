package dev.candor.interview;

public enum Difficulty {
  EASY,
  MEDIUM,
  HARD
}
