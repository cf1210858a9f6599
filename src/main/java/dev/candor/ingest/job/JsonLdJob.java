package dev.candor.ingest.job;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/** Reads a schema.org JobPosting out of a page's JSON-LD scripts into a {@link JobDraft}. */
final class JsonLdJob {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
          JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
          JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
      .build();
  private static final int MAX_SCRIPT = 2_000_000;
  private static final Map<String, String> EMPLOYMENT = Map.of(
      "FULL_TIME", "Full-time", "PART_TIME", "Part-time", "CONTRACTOR", "Contract", "CONTRACT", "Contract",
      "TEMPORARY", "Temporary", "INTERN", "Internship", "INTERNSHIP", "Internship", "VOLUNTEER", "Volunteer",
      "PER_DIEM", "Per diem", "OTHER", "Other");

  private JsonLdJob() {}

  /** The first JobPosting in the page's JSON-LD, or null. */
  static JsonNode find(Document doc) {
    for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
      String data = script.data();
      if (data.isBlank() || data.length() > MAX_SCRIPT) {
        continue;
      }
      JsonNode root;
      try {
        root = JSON.readTree(data.strip());
      } catch (Exception e) {
        continue;
      }
      JsonNode job = findJob(root);
      if (job != null) {
        return job;
      }
    }
    return null;
  }

  private static JsonNode findJob(JsonNode root) {
    Deque<JsonNode> queue = new ArrayDeque<>();
    queue.add(root);
    int seen = 0;
    while (!queue.isEmpty() && seen++ < 10_000) {
      JsonNode n = queue.poll();
      if (n == null) {
        continue;
      }
      if (n.isObject()) {
        if (isJobPosting(n.get("@type"))) {
          return n;
        }
        n.forEach(queue::add);
      } else if (n.isArray()) {
        n.forEach(queue::add);
      }
    }
    return null;
  }

  private static boolean isJobPosting(JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isJobPosting(t)) {
          return true;
        }
      }
      return false;
    }
    String t = type.asText("");
    return t.equalsIgnoreCase("JobPosting") || t.endsWith("/JobPosting");
  }

  /** Fills the draft from a JobPosting node. */
  static void apply(JsonNode job, JobDraft d) {
    d.title(text(job.get("title")));
    d.title(text(job.get("name")));
    d.company(name(job.get("hiringOrganization")));
    boolean telecommute = job.has("jobLocationType")
        && text(job.get("jobLocationType")) != null && text(job.get("jobLocationType")).toUpperCase(Locale.ROOT)
        .contains("TELECOMMUTE");
    String location = location(job.get("jobLocation"));
    if (location == null && telecommute) {
      String where = location(job.get("applicantLocationRequirements"));
      location = where == null ? "Remote" : "Remote (" + where + ")";
    }
    d.location(location);
    d.country(country(job.get("jobLocation")));
    if (telecommute) {
      d.country(country(job.get("applicantLocationRequirements")));
    }
    d.datePosted(text(job.get("datePosted")));
    d.validThrough(text(job.get("validThrough")));
    if (telecommute) {
      d.remote(Boolean.TRUE);
    }
    String description = text(job.get("description"));
    if (description != null) {
      d.descriptionLines(htmlLines(description));
    }
    d.salary(salary(job.get("baseSalary")));
    d.salary(salary(job.get("estimatedSalary")));
    d.employmentType(employmentType(job.get("employmentType")));
    d.experienceLevel(experience(job.get("experienceRequirements")));
    d.responsibilities(list(job.get("responsibilities")));
    d.requirements(list(job.get("qualifications")));
    d.requirements(list(job.get("skills")));
    d.benefits(list(job.get("jobBenefits")));
  }

  /** HTML (or entity-escaped HTML, or plain text) to lines. */
  static List<JobLine> htmlLines(String html) {
    String h = html;
    if (!h.contains("<") && h.contains("&lt;")) {
      h = Parser.unescapeEntities(h, false);
    }
    if (!h.contains("<")) {
      return JobTextParser.lines(h);
    }
    Document frag = Jsoup.parseBodyFragment(h);
    return HtmlLines.of(frag.body());
  }

  private static List<String> list(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (n.isArray()) {
      for (JsonNode e : n) {
        String t = text(e);
        if (t != null) {
          out.add(HtmlLines.clean(Jsoup.parse(t).text()));
        }
      }
      return out;
    }
    String t = text(n);
    if (t == null) {
      return out;
    }
    for (JobLine line : htmlLines(t)) {
      String item = JobSections.item(line.text());
      if (!item.isEmpty() && !JobSections.isHeading(line)) {
        out.add(item);
      }
    }
    return out;
  }

  static String text(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isValueNode()) {
      String s = n.asText().strip();
      return s.isEmpty() ? null : s;
    }
    if (n.isArray()) {
      List<String> parts = new ArrayList<>();
      for (JsonNode e : n) {
        String s = text(e);
        if (s != null) {
          parts.add(s);
        }
      }
      return parts.isEmpty() ? null : String.join(", ", parts);
    }
    return text(n.get("name"));
  }

  private static String name(JsonNode n) {
    if (n == null) {
      return null;
    }
    if (n.isArray()) {
      return n.isEmpty() ? null : name(n.get(0));
    }
    if (n.isObject()) {
      String s = text(n.get("name"));
      return s == null ? text(n.get("legalName")) : HtmlLines.clean(Parser.unescapeEntities(s, false));
    }
    String s = text(n);
    return s == null ? null : HtmlLines.clean(Parser.unescapeEntities(s, false));
  }

  /**
   * The country of a jobLocation (a Place with a PostalAddress whose addressCountry is text or a Country) or of an
   * applicantLocationRequirements (a Country itself); the first one found when there are several.
   */
  static String country(JsonNode n) {
    if (n == null || n.isNull() || n.isValueNode()) {
      return null;
    }
    if (n.isArray()) {
      for (JsonNode e : n) {
        String country = country(e);
        if (country != null) {
          return country;
        }
      }
      return null;
    }
    if ("Country".equals(text(n.get("@type")))) {
      return name(n);
    }
    JsonNode address = n.get("address");
    if (address == null || address.isNull() || address.isValueNode()) {
      return null;
    }
    JsonNode country = (address.isArray() ? address.path(0) : address).get("addressCountry");
    return country == null ? null : country.isObject() ? name(country) : text(country);
  }

  static String location(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      Set<String> all = new LinkedHashSet<>();
      for (JsonNode e : n) {
        String s = location(e);
        if (s != null) {
          all.add(s);
        }
        if (all.size() >= 10) {
          break;
        }
      }
      return all.isEmpty() ? null : String.join("; ", all);
    }
    if (n.isValueNode()) {
      return text(n);
    }
    JsonNode address = n.get("address");
    if (address != null && !address.isNull()) {
      if (address.isValueNode()) {
        return text(address);
      }
      if (address.isArray()) {
        return location(address);
      }
      Set<String> parts = new LinkedHashSet<>();
      for (String key : new String[] {"addressLocality", "addressRegion", "addressCountry"}) {
        String s = text(address.get(key));
        if (s != null) {
          parts.add(s);
        }
      }
      if (!parts.isEmpty()) {
        return String.join(", ", parts);
      }
      String s = text(address.get("name"));
      if (s != null) {
        return s;
      }
    }
    if (n.has("addressLocality") || n.has("addressCountry")) {
      Set<String> parts = new LinkedHashSet<>();
      for (String key : new String[] {"addressLocality", "addressRegion", "addressCountry"}) {
        String s = text(n.get(key));
        if (s != null) {
          parts.add(s);
        }
      }
      return parts.isEmpty() ? null : String.join(", ", parts);
    }
    return text(n.get("name"));
  }

  static String salary(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      return n.isEmpty() ? null : salary(n.get(0));
    }
    if (n.isValueNode()) {
      return text(n);
    }
    String currency = text(n.get("currency"));
    JsonNode value = n.get("value");
    if (value == null) {
      value = n;
    }
    if (value.isValueNode()) {
      String v = money(value.asText(), currency);
      return v;
    }
    String unit = text(value.get("unitText"));
    String min = text(value.get("minValue"));
    String max = text(value.get("maxValue"));
    String single = text(value.get("value"));
    if (currency == null) {
      currency = text(value.get("currency"));
    }
    String amount;
    if (min != null && max != null && !min.equals(max)) {
      amount = money(min, currency) + " - " + money(max, currency);
    } else if (min != null || max != null || single != null) {
      amount = money(single != null ? single : min != null ? min : max, currency);
    } else {
      return null;
    }
    if (unit != null) {
      amount += " per " + unit.toLowerCase(Locale.ROOT);
    }
    return amount;
  }

  private static String money(String raw, String currency) {
    String formatted = raw;
    try {
      double v = Double.parseDouble(raw.strip());
      DecimalFormat f = new DecimalFormat(v == Math.rint(v) ? "#,##0" : "#,##0.00",
          DecimalFormatSymbols.getInstance(Locale.US));
      formatted = f.format(v);
    } catch (NumberFormatException e) {
      // keep as printed
    }
    if (currency == null) {
      return formatted;
    }
    return switch (currency.toUpperCase(Locale.ROOT)) {
      case "USD" -> "$" + formatted;
      case "EUR" -> "€" + formatted;
      case "GBP" -> "£" + formatted;
      default -> currency + " " + formatted;
    };
  }

  private static String employmentType(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    List<JsonNode> values = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(values::add);
    } else {
      values.add(n);
    }
    for (JsonNode v : values) {
      String s = text(v);
      if (s == null) {
        continue;
      }
      for (String part : s.split("\\s*,\\s*")) {
        String key = part.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        String mapped = EMPLOYMENT.getOrDefault(key, part.strip());
        if (!mapped.isEmpty() && !out.contains(mapped)) {
          out.add(mapped);
        }
      }
    }
    return out.isEmpty() ? null : String.join(", ", out);
  }

  private static String experience(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isValueNode()) {
      String s = text(n);
      if (s == null) {
        return null;
      }
      s = HtmlLines.clean(Jsoup.parse(s).text());
      return s.length() > 200 ? null : s;
    }
    if (n.isArray()) {
      return n.isEmpty() ? null : experience(n.get(0));
    }
    JsonNode months = n.get("monthsOfExperience");
    if (months != null && months.isNumber()) {
      double m = months.asDouble();
      if (m >= 12 && m % 12 == 0) {
        long years = (long) (m / 12);
        return years + (years == 1 ? " year" : " years");
      }
      return (long) m + " months";
    }
    return experience(n.get("description"));
  }
}
