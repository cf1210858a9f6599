package dev.candor.http.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.http.Failures;
import dev.candor.http.Json;
import dev.candor.http.MultipartForms;
import dev.candor.ingest.resume.DocumentException;
import dev.candor.ingest.resume.DocumentType;
import dev.candor.ingest.resume.ExtractedText;
import dev.candor.ingest.resume.ResumeParser;
import dev.candor.ingest.resume.ResumeTextExtractor;
import dev.candor.interview.Resume;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Resume upload and parsing for the contracts that have it. One extractor and one parser; each contract
 * gets its own projection of the same {@link Resume}:
 * seed 000: {@code POST /api/parse-resume} and {@code POST /api/upload-resume} (field {@code resume}; PDF, DOC,
 * DOCX or TXT; 5 MB); seed 001: {@code POST /resume/parse} (field {@code file}; PDF only; 10 MB).
 */
public final class ResumeRoutes extends AllDirectives {

  static final long SEED_000_LIMIT = 5L * 1024 * 1024;
  static final long SEED_001_LIMIT = 10L * 1024 * 1024;
  /** Room for the multipart envelope around the file itself. */
  private static final long ENVELOPE = 64 * 1024;
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final ResumeTextExtractor extractor;
  private final Executor blocking;
  private final MultipartForms forms;

  public ResumeRoutes(ActorSystem<?> system, ResumeTextExtractor extractor) {
    this.extractor = extractor;
    this.blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    this.forms = new MultipartForms(system);
  }

  public Route routes() {
    return concat(
        // The seed's Next.js route wraps what the backend's parse-resume answers itself; its upload-resume answers wrapped.
        path(PathMatchers.segment("api").slash("parse-resume"), () -> seed000((parsed, file) -> seed000(parsed))),
        path(PathMatchers.segment("api").slash("upload-resume"), () -> seed000(ResumeRoutes::seed000Wrapped)),
        path(PathMatchers.segment("resume").slash("parse"), () -> post(() ->
            upload("file", SEED_001_LIMIT, Seed001Errors.INSTANCE, file -> parse(file, SEED_001_LIMIT,
                EnumSet.of(DocumentType.PDF), Seed001Errors.INSTANCE, parsed -> Json.response(StatusCodes.OK, seed001(parsed)))))));
  }

  private Route seed000(BiFunction<Parsed, UploadedFile, ObjectNode> body) {
    return post(() -> upload("resume", SEED_000_LIMIT, Seed000Errors.INSTANCE, file -> parse(file, SEED_000_LIMIT,
        EnumSet.allOf(DocumentType.class), Seed000Errors.INSTANCE, parsed -> Json.response(StatusCodes.OK, body.apply(parsed, file)))));
  }

  private record UploadedFile(String name, byte[] bytes) {}

  private record Parsed(ExtractedText text, Resume resume) {}

  /** How a contract words its errors. */
  private interface Errors {
    HttpResponse noFile(String field);

    HttpResponse tooLarge(long limit);

    HttpResponse unreadable(DocumentException e);
  }

  private Route upload(String field, long limit, Errors errors, Function<UploadedFile, Route> inner) {
    return forms.form(limit + ENVELOPE, READ_TIMEOUT, () -> errors.tooLarge(limit), parts -> {
      MultipartForms.Part part = parts.get(field);
      return part == null
          ? complete(errors.noFile(field))
          : inner.apply(new UploadedFile(part.filename() == null ? field : part.filename(), part.bytes()));
    });
  }

  private Route parse(UploadedFile file, long limit, Set<DocumentType> accepted, Errors errors,
      Function<Parsed, HttpResponse> answer) {
    CompletionStage<Parsed> parsing = CompletableFuture.supplyAsync(() -> {
      try {
        ExtractedText text = extractor.extract(file.bytes(), limit, accepted);
        return new Parsed(text, ResumeParser.parse(text.text()));
      } catch (DocumentException e) {
        throw new CompletionException(e);
      }
    }, blocking);
    return onComplete(parsing, result -> {
      if (result.isSuccess()) {
        return complete(answer.apply(result.get()));
      }
      Throwable cause = Failures.cause(result.failed().get());
      if (cause instanceof DocumentException document) {
        return complete(document.reason() == DocumentException.Reason.TOO_LARGE ? errors.tooLarge(limit) : errors.unreadable(document));
      }
      return failWith(cause);
    });
  }

  // ---- seed 000 ----

  private enum Seed000Errors implements Errors {
    INSTANCE;

    @Override
    public HttpResponse noFile(String field) {
      return error(StatusCodes.BAD_REQUEST, "No resume file: send it as the multipart field '" + field + "'");
    }

    @Override
    public HttpResponse tooLarge(long limit) {
      return error(StatusCodes.CONTENT_TOO_LARGE, "File size too large: the limit is 5 MB");
    }

    @Override
    public HttpResponse unreadable(DocumentException e) {
      return error(StatusCodes.BAD_REQUEST, "Failed to parse resume: " + e.getMessage());
    }

    private static HttpResponse error(StatusCode status, String detail) {
      return Json.response(status, Json.object().put("success", false).put("detail", detail));
    }
  }

  /** {@code {success, parsedResume, fileName, fileSize}}: the document's response of the upload. */
  static ObjectNode seed000Wrapped(Parsed parsed, UploadedFile file) {
    ObjectNode body = Json.object().put("success", true);
    body.set("parsedResume", seed000(parsed));
    return body.put("fileName", file.name()).put("fileSize", file.bytes().length);
  }

  /** The parsed resume in seed 000's shape. */
  static ObjectNode seed000(Parsed parsed) {
    Resume r = parsed.resume();
    ObjectNode resume = Json.object()
        .put("name", text(r.name()))
        .put("email", text(r.email()))
        .put("phone", text(r.phone()))
        .put("summary", text(r.summary()));
    ArrayNode experience = resume.putArray("experience");
    r.experience().forEach(e -> experience.addObject()
        .put("company", text(e.company()))
        .put("position", text(e.position()))
        .put("duration", text(e.duration()))
        .put("description", text(e.description() != null ? e.description() : String.join(" ", e.highlights()))));
    ArrayNode education = resume.putArray("education");
    r.education().forEach(e -> {
      ObjectNode item = education.addObject()
          .put("institution", text(e.institution()))
          .put("degree", text(e.degree()))
          .put("year", text(e.year()));
      if (e.field() != null) {
        item.put("field", e.field());
      }
    });
    resume.set("skills", Json.tree(r.skills()));
    ArrayNode projects = resume.putArray("projects");
    r.projects().forEach(p -> {
      ObjectNode item = projects.addObject()
          .put("name", text(p.name()))
          .put("description", text(p.description()));
      item.set("technologies", Json.tree(p.technologies()));
      if (p.duration() != null) {
        item.put("duration", p.duration());
      }
    });
    return resume;
  }

  // ---- seed 001 ----

  private enum Seed001Errors implements Errors {
    INSTANCE;

    @Override
    public HttpResponse noFile(String field) {
      return Json.error(StatusCodes.BAD_REQUEST, "No file uploaded: send the PDF as the multipart field '" + field + "'");
    }

    @Override
    public HttpResponse tooLarge(long limit) {
      return Json.error(StatusCodes.BAD_REQUEST, "File size exceeds 10MB. Please upload a smaller PDF.");
    }

    @Override
    public HttpResponse unreadable(DocumentException e) {
      return switch (e.reason()) {
        case EMPTY -> Json.error(StatusCodes.BAD_REQUEST, "Empty file uploaded. Please upload a PDF resume.");
        case UNSUPPORTED_TYPE -> Json.error(StatusCodes.BAD_REQUEST, "Only PDF files are supported. Please upload a PDF resume.");
        case CORRUPT -> Json.error(StatusCodes.INTERNAL_SERVER_ERROR, "Resume parsing failed: " + e.getMessage());
        default -> Json.error(StatusCodes.BAD_REQUEST, e.getMessage());
      };
    }
  }

  static ObjectNode seed001(Parsed parsed) {
    Resume r = parsed.resume();
    ObjectNode body = Json.object();
    ObjectNode contact = body.putObject("contact");
    contact.put("name", text(r.name())).put("email", r.email()).put("phone", r.phone()).put("location", r.location())
        .put("linkedin", r.linkedin());
    body.put("summary", r.summary());
    ArrayNode experiences = body.putArray("experiences");
    r.experience().forEach(e -> {
      ObjectNode item = experiences.addObject()
          .put("company", text(e.company()))
          .put("title", text(e.position()))
          .put("start_date", e.startDate())
          .put("end_date", e.endDate())
          .put("description", text(e.description()));
      item.set("highlights", Json.tree(e.highlights()));
    });
    ArrayNode education = body.putArray("education");
    r.education().forEach(e -> education.addObject()
        .put("institution", text(e.institution()))
        .put("degree", text(e.degree()))
        .put("field", e.field())
        .put("graduation_date", e.year()));
    body.set("skills", Json.tree(r.skills()));
    body.set("certifications", Json.tree(r.certifications()));
    body.put("raw_text", parsed.text().text());
    return body;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
