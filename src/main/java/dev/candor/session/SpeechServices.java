package dev.candor.session;

import dev.candor.ai.speech.SpeechToText;
import dev.candor.ai.speech.TextToSpeech;

/**
 * What a spoken interview needs besides the interviewer: ears, a voice, and a place for audio. Either of
 * the first two may be null: without ears recordings are refused, without a voice nothing is spoken.
 *
 * @param voiceEngine names the text-to-speech engine and model, so that cached speech of one engine is
 *     never served for another
 */
public record SpeechServices(SpeechToText ears, TextToSpeech voice, String voiceEngine, AudioStore audio) {}
