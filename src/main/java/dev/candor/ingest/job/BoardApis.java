package dev.candor.ingest.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Boards that publish their postings as JSON: a posting's page URL is mapped to its API URL, and the
 * API's answer is read into a schema.org JobPosting, which {@link JobPageParser} already knows how to
 * split. The JSON is the board's own data, steadier than its page markup.
 *
 * @param greenhouse base of the Greenhouse boards API (https://boards-api.greenhouse.io)
 * @param lever base of the Lever postings API (https://api.lever.co)
 * @param smartRecruiters base of the SmartRecruiters postings API (https://api.smartrecruiters.com)
 * @param workday base of Workday's candidate-experience (cxs) API; blank means the posting page's own host,
 *     where every Workday tenant serves it
 */
public record BoardApis(String greenhouse, String lever, String smartRecruiters, String workday) {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern GREENHOUSE_PAGE = Pattern.compile(
      "^https?://(?:job-)?boards\\.greenhouse\\.io/(?:embed/job_app\\?for=)?([\\w-]+)/jobs/(\\d+)");
  private static final Pattern LEVER_PAGE = Pattern.compile("^https?://jobs\\.lever\\.co/([\\w.-]+)/([0-9a-f-]{36})");
  /** tenant.wdN.myworkdayjobs.com/[locale/]site/job/location/title_id */
  private static final Pattern WORKDAY_PAGE = Pattern.compile(
      "^https?://(([\\w-]+)\\.wd\\d+\\.myworkdayjobs\\.com)/(?:[a-z]{2}-[A-Z]{2}/)?([\\w-]+)/job/([^?#]+)");
  /** wdN.myworkdaysite.com/[locale/]recruiting/tenant/site/job/location/title_id */
  private static final Pattern WORKDAY_SITE_PAGE = Pattern.compile(
      "^https?://(wd\\d+\\.myworkdaysite\\.com)/(?:[a-z]{2}-[A-Z]{2}/)?recruiting/([\\w-]+)/([\\w-]+)/job/([^?#]+)");
  private static final Pattern SMARTRECRUITERS_PAGE = Pattern.compile("^https?://jobs\\.smartrecruiters\\.com/([\\w.-]+)/(\\d+)");

  /** A board's API request for a posting page, if the board has one. */
  public record ApiRequest(String board, URI url, String company) {}

  public Optional<ApiRequest> requestFor(String pageUrl) {
    Matcher greenhouseMatch = GREENHOUSE_PAGE.matcher(pageUrl.trim());
    if (greenhouseMatch.find()) {
      return Optional.of(new ApiRequest("greenhouse",
          URI.create(greenhouse + "/v1/boards/" + greenhouseMatch.group(1) + "/jobs/" + greenhouseMatch.group(2)),
          greenhouseMatch.group(1)));
    }
    Matcher leverMatch = LEVER_PAGE.matcher(pageUrl.trim());
    if (leverMatch.find()) {
      return Optional.of(new ApiRequest("lever",
          URI.create(lever + "/v0/postings/" + leverMatch.group(1) + "/" + leverMatch.group(2)), leverMatch.group(1)));
    }
    Matcher smartMatch = SMARTRECRUITERS_PAGE.matcher(pageUrl.trim());
    if (smartMatch.find()) {
      return Optional.of(new ApiRequest("smartrecruiters",
          URI.create(smartRecruiters + "/v1/companies/" + smartMatch.group(1) + "/postings/" + smartMatch.group(2)),
          smartMatch.group(1)));
    }
    for (Pattern workdayPage : new Pattern[] {WORKDAY_PAGE, WORKDAY_SITE_PAGE}) {
      Matcher workdayMatch = workdayPage.matcher(pageUrl.trim());
      if (workdayMatch.find()) {
        String apiBase = workday.isBlank() ? "https://" + workdayMatch.group(1) : workday;
        return Optional.of(new ApiRequest("workday", URI.create(apiBase + "/wday/cxs/" + workdayMatch.group(2) + "/"
            + workdayMatch.group(3) + "/job/" + workdayMatch.group(4)), workdayMatch.group(2)));
      }
    }
    return Optional.empty();
  }

  /** The API's answer as a page holding only a JobPosting JSON-LD block; empty when the JSON is not a posting. */
  public static Optional<String> asJsonLdPage(ApiRequest request, String json) {
    try {
      JsonNode posting = MAPPER.readTree(json);
      ObjectNode ld = switch (request.board()) {
        case "greenhouse" -> greenhouse(posting, request.company());
        case "lever" -> lever(posting, request.company());
        case "workday" -> workday(posting, request.company());
        default -> smartRecruiters(posting, request.company());
      };
      if (!ld.hasNonNull("title")) {
        return Optional.empty();
      }
      String script = MAPPER.writeValueAsString(ld).replace("</", "<\\/");
      return Optional.of("<html><head><script type=\"application/ld+json\">" + script + "</script></head></html>");
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  /** Greenhouse: title, location.name, and content as HTML escaped once more. */
  private static ObjectNode greenhouse(JsonNode posting, String board) {
    ObjectNode ld = jobPosting(posting.path("title").asText(null));
    ld.putObject("hiringOrganization").put("name", posting.path("company_name").asText(board));
    ld.putObject("jobLocation").putObject("address").put("addressLocality", posting.path("location").path("name").asText(null));
    ld.put("description", Parser.unescapeEntities(posting.path("content").asText(""), false));
    return ld;
  }

  /** Lever: text is the title, categories hold location and commitment, lists are titled bullet lists. */
  private static ObjectNode lever(JsonNode posting, String company) {
    ObjectNode ld = jobPosting(posting.path("text").asText(null));
    ld.putObject("hiringOrganization").put("name", company);
    JsonNode categories = posting.path("categories");
    ld.putObject("jobLocation").putObject("address").put("addressLocality", categories.path("location").asText(null));
    if (categories.hasNonNull("commitment")) {
      ld.put("employmentType", categories.get("commitment").asText());
    }
    if ("remote".equalsIgnoreCase(posting.path("workplaceType").asText(""))) {
      ld.put("jobLocationType", "TELECOMMUTE");
    }
    StringBuilder html = new StringBuilder(posting.path("description").asText(""));
    for (JsonNode list : posting.path("lists")) {
      html.append("<h3>").append(list.path("text").asText("")).append("</h3><ul>").append(list.path("content").asText(""))
          .append("</ul>");
    }
    html.append(posting.path("additional").asText(""));
    ld.put("description", html.toString());
    return ld;
  }

  /** SmartRecruiters: name is the title; the job ad is a set of titled HTML sections. */
  private static ObjectNode smartRecruiters(JsonNode posting, String company) {
    ObjectNode ld = jobPosting(posting.path("name").asText(null));
    ld.putObject("hiringOrganization").put("name", posting.path("company").path("name").asText(company));
    JsonNode location = posting.path("location");
    ld.putObject("jobLocation").putObject("address")
        .put("addressLocality", location.path("city").asText(null))
        .put("addressRegion", location.path("region").asText(null))
        .put("addressCountry", location.path("country").asText(null));
    if (location.path("remote").asBoolean(false)) {
      ld.put("jobLocationType", "TELECOMMUTE");
    }
    if (posting.path("typeOfEmployment").hasNonNull("label")) {
      ld.put("employmentType", posting.path("typeOfEmployment").path("label").asText());
    }
    if (posting.path("experienceLevel").hasNonNull("label")) {
      ld.put("experienceRequirements", posting.path("experienceLevel").path("label").asText());
    }
    StringBuilder html = new StringBuilder();
    posting.path("jobAd").path("sections").forEach(section -> {
      if (section.hasNonNull("title")) {
        html.append("<h3>").append(section.get("title").asText()).append("</h3>");
      }
      html.append(section.path("text").asText(""));
    });
    ld.put("description", html.toString());
    return ld;
  }

  /** Workday: jobPostingInfo holds title, HTML description, location, time type and remote type. */
  private static ObjectNode workday(JsonNode answer, String tenant) {
    JsonNode info = answer.path("jobPostingInfo");
    ObjectNode ld = jobPosting(info.path("title").asText(null));
    ld.putObject("hiringOrganization").put("name", answer.path("hiringOrganization").path("name").asText(tenant));
    ld.putObject("jobLocation").putObject("address")
        .put("addressLocality", info.path("location").asText(null))
        .put("addressCountry", info.path("country").path("descriptor").asText(null));
    if (info.hasNonNull("timeType")) {
      ld.put("employmentType", info.get("timeType").asText());
    }
    String remoteType = info.path("remoteType").asText("");
    if (remoteType.toLowerCase(java.util.Locale.ROOT).contains("remote")) {
      ld.put("jobLocationType", "TELECOMMUTE");
    }
    ld.put("description", info.path("jobDescription").asText(""));
    return ld;
  }

  private static ObjectNode jobPosting(String title) {
    ObjectNode ld = MAPPER.createObjectNode();
    ld.put("@context", "https://schema.org");
    ld.put("@type", "JobPosting");
    ld.put("title", title);
    return ld;
  }
}
