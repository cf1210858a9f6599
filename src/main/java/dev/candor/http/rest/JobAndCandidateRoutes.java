package dev.candor.http.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.http.BadRequest;
import dev.candor.http.Failures;
import dev.candor.http.Fields;
import dev.candor.http.Json;
import dev.candor.http.JsonRoutes;
import dev.candor.session.SessionIds;
import dev.candor.store.CandidateRecord;
import dev.candor.store.CandidateRepository;
import dev.candor.store.DuplicateIdException;
import dev.candor.store.JobRecord;
import dev.candor.store.JobRepository;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Seed 002's jobs and candidates: {@code POST/GET /api/jobs}, {@code GET /api/jobs/{id}}, and the same
 * for {@code /api/candidates}. Field names are the seed's (snake_case).
 */
public final class JobAndCandidateRoutes extends JsonRoutes {

  private static final int MAX_PAGE = 100;
  private static final int MAX_TITLE = 300;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final JobRepository jobs;
  private final CandidateRepository candidates;

  public JobAndCandidateRoutes(ActorSystem<?> system, long maxBodyBytes, JobRepository jobs, CandidateRepository candidates) {
    super(system, maxBodyBytes);
    this.jobs = jobs;
    this.candidates = candidates;
  }

  public Route routes() {
    return pathPrefix("api", () -> concat(
        collection("jobs", "Job", this::readJob, jobs::create, jobs::find, jobs::list, JobAndCandidateRoutes::jobJson),
        collection("candidates", "Candidate", this::readCandidate, candidates::create, candidates::find, candidates::list,
            JobAndCandidateRoutes::candidateJson)));
  }

  private interface Lister<T> {
    List<T> list(int limit, int offset);
  }

  private <T> Route collection(String name, String label, Function<JsonNode, T> read, Function<T, T> create,
      Function<String, Optional<T>> find, Lister<T> list, Function<T, ObjectNode> toJson) {
    return pathPrefix(name, () -> concat(
        pathEnd(() -> concat(
            post(() -> jsonBody(body -> {
              T record = read.apply(body);
              return onComplete(blocking(() -> create.apply(record)), result -> {
                if (result.isSuccess()) {
                  return json(StatusCodes.CREATED, toJson.apply(result.get()));
                }
                Throwable cause = Failures.cause(result.failed().get());
                // A duplicate id is the client's mistake, not a server failure.
                return cause instanceof DuplicateIdException
                    ? complete(Json.error(StatusCodes.CONFLICT, cause.getMessage()))
                    : failWith(cause);
              });
            })),
            get(() -> parameterOptional("limit", limit -> parameterOptional("offset", offset -> {
              int l = pageParameter("limit", limit, 50, 1, MAX_PAGE);
              int o = pageParameter("offset", offset, 0, 0, Integer.MAX_VALUE);
              return onSuccess(blocking(() -> list.list(l, o)), rows -> {
                ArrayNode array = Json.MAPPER.createArrayNode();
                rows.forEach(r -> array.add(toJson.apply(r)));
                return json(StatusCodes.OK, array);
              });
            }))))),
        path(PathMatchers.segment(), id -> pathEnd(() -> get(() ->
            onSuccess(blocking(() -> find.apply(id)), found -> found
                .map(r -> json(StatusCodes.OK, toJson.apply(r)))
                .orElseGet(() -> complete(Json.error(StatusCodes.NOT_FOUND, label + " with ID " + id + " not found")))))))));
  }

  private JobRecord readJob(JsonNode body) {
    Fields f = Fields.of(body, "The job");
    String title = f.requiredText("title").trim();
    if (title.length() > MAX_TITLE) {
      throw new BadRequest("title must be at most " + MAX_TITLE + " characters");
    }
    return new JobRecord(optionalId(f), title, f.text("description", ""), requirements(f), f.text("company", ""),
        f.text("location", ""), f.text("salary_range", ""), f.text("experience_level", ""), f.textList("skills_required"), null);
  }

  /** Seed 002 types requirements as a string; a list of lines is taken too, one per line. */
  private static String requirements(Fields f) {
    JsonNode raw = f.raw("requirements");
    if (raw != null && raw.isArray()) {
      return String.join("\n", f.textList("requirements"));
    }
    return f.text("requirements", "");
  }

  private CandidateRecord readCandidate(JsonNode body) {
    Fields f = Fields.of(body, "The candidate");
    String name = f.requiredText("name").trim();
    if (name.length() > MAX_TITLE) {
      throw new BadRequest("name must be at most " + MAX_TITLE + " characters");
    }
    String email = f.text("email", "").trim();
    if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
      throw new BadRequest("email is not an email address: " + email);
    }
    return new CandidateRecord(optionalId(f), name, email, f.text("resume_text", ""), f.text("resume_url", ""),
        f.textList("skills"), f.text("experience", ""), f.text("education", ""), null);
  }

  private static String optionalId(Fields f) {
    String id = f.optionalText("id");
    if (id != null && !SessionIds.isValid(id)) {
      throw new BadRequest("id must be " + SessionIds.describeRule());
    }
    return id;
  }

  static ObjectNode jobJson(JobRecord job) {
    ObjectNode node = Json.object()
        .put("id", job.id())
        .put("title", job.title())
        .put("description", job.description())
        .put("requirements", job.requirements())
        .put("company", job.company())
        .put("location", job.location())
        .put("salary_range", job.salaryRange())
        .put("experience_level", job.experienceLevel());
    node.set("skills_required", Json.tree(job.skillsRequired()));
    node.put("created_at", job.createdAt().toString());
    return node;
  }

  static ObjectNode candidateJson(CandidateRecord candidate) {
    ObjectNode node = Json.object()
        .put("id", candidate.id())
        .put("name", candidate.name())
        .put("email", candidate.email())
        .put("resume_text", candidate.resumeText())
        .put("resume_url", candidate.resumeUrl());
    node.set("skills", Json.tree(candidate.skills()));
    node.put("experience", candidate.experience())
        .put("education", candidate.education())
        .put("created_at", candidate.createdAt().toString());
    return node;
  }
}
