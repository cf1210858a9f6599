package dev.candor.http.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.http.Failures;
import dev.candor.http.Fields;
import dev.candor.http.Json;
import dev.candor.http.JsonRoutes;
import dev.candor.ingest.job.FetchException;
import dev.candor.ingest.job.JobBoards;
import dev.candor.ingest.job.JobTextParser;
import dev.candor.ingest.job.JobPages;
import dev.candor.ingest.job.ParsedJob;
import dev.candor.interview.JobPosting;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Seed 000's {@code POST /api/parse_job_description/}: {@code {"jobDescriptionUrl": ...}} → its job JSON, plus
 * {@code niceToHave} and {@code source} (the board recognised). Candor's web app may send the posting's text
 * instead, as {@code jobDescriptionText}. Errors carry seed 000's error types:
 * {@code invalid_url} (400) and {@code parsing_failed} (422 when the page holds no job, 502 when it could not be fetched).
 */
public final class JobRoutes extends JsonRoutes {

  private final JobPages pages;
  private final Duration timeout;

  public JobRoutes(ActorSystem<?> system, long maxBodyBytes, JobPages pages, Duration timeout) {
    super(system, maxBodyBytes);
    this.pages = pages;
    this.timeout = timeout;
  }

  public Route routes() {
    return pathPrefix(PathMatchers.segment("api").slash("parse_job_description"), () -> pathEndOrSingleSlash(() ->
        post(() -> jsonBody(body -> {
          Fields fields = Fields.of(body, "The request");
          String url = fields.optionalText("jobDescriptionUrl");
          String text = fields.optionalText("jobDescriptionText");
          if ((url == null || url.isBlank()) && text != null && !text.isBlank()) {
            return onSuccess(blocking(() -> JobTextParser.parse(text)), parsed -> complete(answer(parsed)));
          }
          if (url == null || url.isBlank()) {
            return complete(error(StatusCodes.BAD_REQUEST, "invalid_url",
                "jobDescriptionUrl is required (or jobDescriptionText, the posting's text)"));
          }
          if (!pages.accepts(url)) {
            return complete(error(StatusCodes.BAD_REQUEST, "invalid_url", JobBoards.UNSUPPORTED));
          }
          return onComplete(blocking(() -> fetchAndParse(url)).toCompletableFuture()
              .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS), result -> {
                if (result.isSuccess()) {
                  return complete(answer(result.get()));
                }
                Throwable cause = Failures.cause(result.failed().get());
                if (cause instanceof FetchException fetch) {
                  return complete(fetchFailure(fetch));
                }
                if (cause instanceof TimeoutException) {
                  return complete(error(StatusCodes.BAD_GATEWAY, "parsing_failed",
                      "The job page took longer than " + timeout.toSeconds() + " s to fetch and read"));
                }
                return failWith(cause);
              });
        }))));
  }

  private ParsedJob fetchAndParse(String url) {
    try {
      return pages.read(url);
    } catch (FetchException e) {
      throw new CompletionException(e);
    }
  }

  private static HttpResponse answer(ParsedJob parsed) {
    JobPosting job = parsed.posting();
    boolean empty = (job.title() == null || job.title().isBlank()) && (job.description() == null || job.description().isBlank());
    if (empty) {
      return error(StatusCodes.UNPROCESSABLE_CONTENT, "parsing_failed", "No job posting could be found on that page");
    }
    ObjectNode body = Json.object()
        .put("title", text(job.title()))
        .put("company", text(job.company()))
        .put("location", text(job.location()))
        .put("description", text(job.description()));
    body.set("requirements", Json.tree(job.requirements()));
    body.set("responsibilities", Json.tree(job.responsibilities()));
    body.set("benefits", Json.tree(job.benefits()));
    putIfPresent(body, "salary", job.salary());
    putIfPresent(body, "employmentType", job.employmentType());
    putIfPresent(body, "experienceLevel", job.experienceLevel());
    if (job.remote() != null) {
      body.put("remote", job.remote());
    }
    // The real frontend's job type (types/api.ts) also names these, in snake_case.
    ParsedJob.Listing listing = parsed.listing();
    body.put("country", listing.country())
        .put("employment_type", job.employmentType())
        .put("date_posted", listing.datePosted())
        .put("valid_through", listing.validThrough());
    body.set("niceToHave", Json.tree(parsed.niceToHave()));
    body.put("source", parsed.source());
    return Json.response(StatusCodes.OK, body);
  }

  private static HttpResponse fetchFailure(FetchException e) {
    return switch (e.reason()) {
      case INVALID_URL, BLOCKED_ADDRESS -> error(StatusCodes.BAD_REQUEST, "invalid_url", e.getMessage());
      default -> error(StatusCodes.BAD_GATEWAY, "parsing_failed", "Could not fetch the job posting: " + e.getMessage());
    };
  }

  /** Seed 000's error object ({type, message}), with FastAPI's {detail} beside it for the other clients. */
  private static HttpResponse error(StatusCode status, String type, String message) {
    return Json.response(status, Json.object().put("type", type).put("message", message).put("detail", message));
  }

  private static void putIfPresent(ObjectNode body, String field, String value) {
    if (value != null && !value.isBlank()) {
      body.put(field, value);
    }
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
