package dev.candor.ai.llm;

/** A model reply that is not the JSON asked for; the message is fed back to the model as the reason. */
final class InvalidReply extends Exception {

  InvalidReply(String message) {
    super(message);
  }
}
