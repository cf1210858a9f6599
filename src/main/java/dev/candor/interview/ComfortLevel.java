package dev.candor.interview;

public enum ComfortLevel {
  NERVOUS,
  NEUTRAL,
  CONFIDENT
}
