package dev.candor.ai.speech;

/** Synthesised speech, ready to send: {@code contentType} is "audio/mpeg" unless a provider says otherwise. */
public record SpeechAudio(byte[] bytes, String contentType) {}
