package dev.candor.http.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.ai.speech.SpeechAudio;
import dev.candor.ai.speech.SpeechException;
import dev.candor.http.BadRequest;
import dev.candor.http.Failures;
import dev.candor.http.Fields;
import dev.candor.http.Json;
import dev.candor.http.JsonRoutes;
import dev.candor.http.auth.Bearer;
import dev.candor.http.auth.Tokens;
import dev.candor.session.AudioStore;
import dev.candor.session.SpeechServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Seed 003's spoken questions as files: {@code POST /tts/generate {text, voice}} (signed in) answers
 * {@code {audio_path: "uploads/tts/<id>.mp3"}}, a path without a leading slash that the frontend puts after its base
 * URL, and {@code GET /uploads/tts/<id>.<ext>} serves it without a token (an {@code <audio>} element sends none). The
 * audio is the store's spoken lines, under the id the sessions use, so the same words in the same voice are
 * synthesised once; nothing else of the store (recordings) is reachable this way.
 */
public final class SpokenLineRoutes extends JsonRoutes {

  private static final Set<String> VOICES = Set.of("male", "female");
  private static final Pattern FILE = Pattern.compile("([0-9a-f]{64})\\.(mp3|wav|ogg|opus|aac)");

  private final SpeechServices speech;
  private final Tokens tokens;
  private final int maxChars;

  /** @param speech null on a node without speech: generating is refused with 503 */
  public SpokenLineRoutes(ActorSystem<?> system, long maxJsonBody, SpeechServices speech, Tokens tokens, int maxChars) {
    super(system, maxJsonBody);
    this.speech = speech;
    this.tokens = tokens;
    this.maxChars = maxChars;
  }

  public Route routes() {
    return concat(
        path(PathMatchers.segment("tts").slash("generate"), () -> post(() -> signedIn(() -> jsonBody(this::generate)))),
        path(PathMatchers.segment("uploads").slash("tts").slash(PathMatchers.segment()), file -> get(() -> serve(file))));
  }

  private Route signedIn(java.util.function.Supplier<Route> inner) {
    return extractRequest(request -> Bearer.token(request).flatMap(tokens::userId).isPresent()
        ? inner.get()
        : complete(Bearer.unauthorizedDetail()));
  }

  private Route generate(JsonNode body) {
    Fields fields = Fields.of(body, "The request");
    String text = Optional.ofNullable(fields.optionalText("text")).map(String::strip).orElse("");
    String voice = Optional.ofNullable(fields.optionalText("voice")).map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse("female");
    if (text.isEmpty()) {
      throw new BadRequest("Send the words to speak as text");
    }
    if (text.length() > maxChars) {
      throw new BadRequest("The text is " + text.length() + " characters; at most " + maxChars + " are spoken at once");
    }
    if (!VOICES.contains(voice)) {
      throw new BadRequest("Invalid voice: choose male or female");
    }
    if (speech == null || speech.voice() == null) {
      return complete(Json.error(StatusCodes.SERVICE_UNAVAILABLE, "This server has no text-to-speech engine (TTS_PROVIDER=none)"));
    }
    return onComplete(blocking(() -> spoken(text, voice)), result -> {
      if (result.isSuccess()) {
        return json(StatusCodes.OK, Json.object().put("audio_path", result.get()));
      }
      Throwable cause = Failures.cause(result.failed().get());
      if (cause instanceof SpeechException e) {
        return complete(Json.error(e.retryable() ? StatusCodes.SERVICE_UNAVAILABLE : StatusCodes.BAD_REQUEST,
            "The text could not be spoken: " + e.getMessage()));
      }
      return failWith(cause);
    });
  }

  /** The path of the line's audio, synthesised unless the store has it already. */
  private String spoken(String text, String voice) {
    String id = speech.lineId(voice, text);
    try {
      Optional<AudioStore.StoredAudio> stored = speech.audio().load(id);
      String contentType;
      if (stored.isPresent()) {
        contentType = stored.get().contentType();
      } else {
        SpeechAudio audio = speech.voice().synthesize(text, voice);
        speech.audio().save(id, audio.bytes(), audio.contentType());
        contentType = audio.contentType();
      }
      return linePath(id, contentType);
    } catch (SpeechException e) {
      throw new CompletionException(e);
    } catch (IOException e) {
      throw new UncheckedIOException("the audio store could not be used", e);
    }
  }

  /** Where a spoken line of the audio store is served, relative to the server's root. */
  public static String linePath(String audioId, String contentType) {
    return "uploads/tts/" + audioId.substring(SpeechServices.LINE_PREFIX.length()) + "." + extension(contentType);
  }

  private Route serve(String file) {
    Matcher name = FILE.matcher(file);
    if (!name.matches() || speech == null) {
      return complete(Json.error(StatusCodes.NOT_FOUND, "Not Found"));
    }
    return onSuccess(blocking(() -> load(SpeechServices.LINE_PREFIX + name.group(1))), audio -> audio
        .<Route>map(a -> complete(HttpResponse.create().withEntity(contentType(a.contentType()), a.bytes())
            .addHeader(RawHeader.create("Cache-Control", "public, max-age=86400"))))
        .orElseGet(() -> complete(Json.error(StatusCodes.NOT_FOUND, "Not Found"))));
  }

  private Optional<AudioStore.StoredAudio> load(String id) {
    try {
      return speech.audio().load(id);
    } catch (IOException e) {
      throw new UncheckedIOException("the audio store could not be read", e);
    }
  }

  private static String extension(String contentType) {
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.contains("wav") ? "wav" : type.contains("ogg") ? "ogg" : type.contains("opus") ? "opus"
        : type.contains("aac") ? "aac" : "mp3";
  }

  private static ContentType contentType(String declared) {
    return ContentTypes.parse(declared);
  }
}
