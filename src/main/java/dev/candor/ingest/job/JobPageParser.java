package dev.candor.ingest.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.interview.JobPosting;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a job page's HTML into a posting. Order: schema.org JobPosting JSON-LD; then the board's own
 * layout (LinkedIn, Greenhouse; see {@link SiteRules}); then a generic reading of any page (the h1, the
 * metadata beside it, and the block holding the most section headings as the description). Requirements,
 * responsibilities, benefits and nice-to-have are split out of the description by {@link JobSections}.
 */
public final class JobPageParser {

  private static final Logger log = LoggerFactory.getLogger(JobPageParser.class);

  /** Pages beyond this are cut (a saved logged-in LinkedIn page is ~3 MB). */
  static final int MAX_HTML = 8_000_000;
  private static final Pattern TITLE_TAG = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
  private static final Pattern TITLE_SEPARATORS = Pattern.compile("\\s+[|–—-]\\s+|\\s+·\\s+");
  private static final Set<String> BOARD_NAMES = Set.of("linkedin", "indeed", "indeed.com", "glassdoor",
      "ziprecruiter", "monster", "monster.com", "careerbuilder", "wellfound", "angellist", "lever", "greenhouse",
      "workday", "smartrecruiters", "jobs", "careers", "job application");

  private JobPageParser() {}

  /** Never throws; an unrecognisable page gives a posting with what could be found (at least its title). */
  public static ParsedJob parse(String html, String url) {
    if (html == null || html.isBlank()) {
      return new ParsedJob(JobPosting.empty(), List.of(), JobBoards.of(url));
    }
    String h = html.length() > MAX_HTML ? html.substring(0, MAX_HTML) : html;
    return parseSafely(url, () -> Jsoup.parse(h, baseUri(url)), () -> html);
  }

  /**
   * A fetched page, parsed from its bytes straight into the document tree (no copy of the page as a string), in the
   * charset its response declared, else its own meta tag's, else UTF-8. Never throws.
   */
  public static ParsedJob parse(SafeFetcher.Page page) {
    String url = page.url().toString();
    if (page.bytes().length == 0) {
      return new ParsedJob(JobPosting.empty(), List.of(), JobBoards.of(url));
    }
    return parseSafely(url, () -> Jsoup.parse(new ByteArrayInputStream(page.bytes()),
        page.charset() == null ? null : page.charset().name(), baseUri(url)), page::body);
  }

  /** How a page becomes a document tree. */
  private interface PageReader {
    Document read() throws IOException;
  }

  private static ParsedJob parseSafely(String url, PageReader reader, Supplier<String> raw) {
    String source = JobBoards.of(url);
    try {
      return parseOrThrow(reader.read(), url, source);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // A page that breaks a rule still has a title worth keeping; the failure is a bug to find in the log.
      log.warn("Job page parsing failed for {}; keeping the title only", url, e);
      return new ParsedJob(titleOnly(raw.get()), List.of(), source);
    }
  }

  private static String baseUri(String url) {
    return url == null || !url.matches("(?i)^https?://.*") ? "" : url;
  }

  private static ParsedJob parseOrThrow(Document doc, String url, String source) {
    if (JobBoards.OTHER.equals(source)) {
      source = boardFromPage(doc);
    }
    JobDraft d = new JobDraft();

    JsonNode ld = JsonLdJob.find(doc);
    if (ld != null) {
      JsonLdJob.apply(ld, d);
    }
    String byMarkup = JobBoards.OTHER.equals(source) ? SiteRules.boardByMarkup(doc) : null;
    SiteRules.keepOnlyTheOpenJob(doc, byMarkup != null ? byMarkup : source);

    switch (source) {
      case "linkedin" -> SiteRules.linkedIn(doc, url, d);
      case "greenhouse" -> SiteRules.greenhouse(doc, d);
      case JobBoards.OTHER -> {
        if (SiteRules.linkedIn(doc, url, d)) {
          source = "linkedin";
        } else if (SiteRules.looksGreenhouseBacked(doc)) {
          source = "greenhouse";
        } else {
          String board = byMarkup;
          if (SiteRules.knownLayout(board, doc, d)) {
            source = board;
          }
        }
      }
      default -> SiteRules.knownLayout(source, doc, d);
    }
    generic(doc, d);
    return d.finish(source);
  }

  /** The board named by the page's own canonical / og:url when the fetched URL was not a board's. */
  private static String boardFromPage(Document doc) {
    for (Element e : doc.select("link[rel=canonical][href], meta[property=og:url][content]")) {
      String u = e.hasAttr("href") ? e.attr("href") : e.attr("content");
      String board = JobBoards.of(u);
      if (!JobBoards.OTHER.equals(board)) {
        return board;
      }
    }
    return JobBoards.OTHER;
  }

  // ------------------------------------------------------------------------------------------------ generic

  private static void generic(Document doc, JobDraft d) {
    Element h1 = firstH1(doc);
    String pageTitle = HtmlLines.clean(doc.title());
    String ogTitle = meta(doc, "meta[property=og:title]");
    if (h1 != null) {
      d.title(h1.text());
    }
    // "Title – Company" / "Title | Company" in the page title.
    String head = ogTitle != null ? ogTitle : pageTitle;
    String[] parts = head == null ? new String[0] : TITLE_SEPARATORS.split(head);
    if (parts.length >= 2) {
      String first = parts[0].strip();
      if (d.title == null || first.equalsIgnoreCase(d.title)) {
        for (int i = 1; i < parts.length; i++) {
          String p = parts[i].strip();
          if (!p.isEmpty() && !BOARD_NAMES.contains(p.toLowerCase()) && p.length() <= 80) {
            d.company(p.replaceFirst("(?i)^(?:careers at|jobs at|careers|jobs)\\s+", ""));
            break;
          }
        }
      }
      d.title(first);
    }
    d.company(SiteRules.textOf(doc.selectFirst("[itemprop=hiringOrganization] [itemprop=name], "
        + "[itemprop=hiringOrganization], [data-testid*=company-name], [class*=company-name], [class*=companyName]")));
    String site = meta(doc, "meta[property=og:site_name]");
    if (site != null && !BOARD_NAMES.contains(site.toLowerCase())) {
      d.company(site);
    }
    String app = meta(doc, "meta[name=apple-mobile-web-app-title], meta[name=application-name]");
    if (app != null && !BOARD_NAMES.contains(app.toLowerCase())) {
      d.company(app);
    }
    d.title(ogTitle);
    d.title(pageTitle);

    d.location(locationElement(doc));
    if (h1 != null) {
      nearTitle(h1, d);
    }

    if (d.descriptionLines == null || d.descriptionLines.isEmpty()) {
      Element container = descriptionContainer(doc);
      if (container != null) {
        d.descriptionLines(HtmlLines.of(container));
      }
    }
  }

  private static Element firstH1(Document doc) {
    for (Element h1 : doc.select("h1")) {
      String t = h1.text().strip();
      if (!t.isEmpty() && t.length() <= 200) {
        return h1;
      }
    }
    return null;
  }

  private static String meta(Document doc, String query) {
    Element e = doc.selectFirst(query);
    if (e == null) {
      return null;
    }
    String v = HtmlLines.clean(e.attr("content"));
    return v.isEmpty() ? null : v;
  }

  private static String locationElement(Document doc) {
    for (Element e : doc.select("[itemprop=jobLocation], [data-testid*=location], [data-automation-id=locations],"
        + " [class*=job-location], [class*=jobLocation], [class*=posting-location], .location")) {
      String t = HtmlLines.joinedText(e);
      if (!t.isEmpty() && t.length() <= 100 && !t.contains("\n")) {
        return t.replaceFirst("(?i)^(?:location|locations)\\s*:?\\s*", "");
      }
    }
    return null;
  }

  /** The short texts right after the title ("Sales Engineering · Remote (Germany, UK) · Full Time"). */
  private static void nearTitle(Element h1, JobDraft d) {
    Element box = h1.parent();
    if (box == null) {
      return;
    }
    if (box.text().length() < h1.text().length() + 20 && box.parent() != null) {
      box = box.parent();
    }
    if (box.text().length() > 3_000) {
      return;
    }
    boolean after = false;
    int taken = 0;
    for (Element e : box.getAllElements()) {
      if (e == h1) {
        after = true;
        continue;
      }
      if (!after || taken > 12 || e.closest("a, button, h1, form, script, style") != null) {
        continue;
      }
      if (!e.nameIs("div") && !e.nameIs("span") && !e.nameIs("p") && !e.nameIs("li") && !e.nameIs("dd")) {
        continue;
      }
      if (hasBlockInside(e) || e.parent() != null && isLeafChip(e.parent())) {
        continue;
      }
      String t = HtmlLines.joinedText(e);
      if (t.isEmpty() || t.length() > 100) {
        continue;
      }
      taken++;
      if (JobFields.isEmploymentChip(t)) {
        d.chip(t);
      } else if (looksLikeLocation(t)) {
        d.location(t);
        d.chip(t);
      } else if (JobFields.remoteFromChip(t) != null && t.length() <= 30) {
        d.chip(t);
      }
    }
  }

  private static boolean isLeafChip(Element e) {
    return (e.nameIs("div") || e.nameIs("span") || e.nameIs("p") || e.nameIs("li"))
        && !hasBlockInside(e) && e.text().length() <= 100 && !e.text().isBlank();
  }

  private static boolean hasBlockInside(Element e) {
    for (Element c : e.getAllElements()) {
      if (c != e && (c.nameIs("div") || c.nameIs("p") || c.nameIs("li") || c.nameIs("ul") || c.nameIs("section"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean looksLikeLocation(String t) {
    if (t.length() > 80 || t.matches(".*\\d.*") || t.endsWith(".")) {
      return false;
    }
    if (t.matches("(?i)^(?:remote|hybrid|on-?site)\\b.*")) {
      return true;
    }
    return t.contains(", ") && t.split("\\s+").length <= 8;
  }

  /**
   * The description block: a board's known container, else the deepest element holding nearly all the
   * recognised section headings (and some text), else main/article/body.
   */
  static Element descriptionContainer(Document doc) {
    for (Element e : doc.select(SiteRules.KNOWN_DESCRIPTIONS)) {
      if (e.text().length() >= 200) {
        return e;
      }
    }
    Map<Element, Integer> counts = new IdentityHashMap<>();
    int headings = 0;
    for (Element e : doc.select("h1, h2, h3, h4, h5, h6, strong, b, p, dt, div, span")) {
      if (headings >= 200) {
        break;
      }
      if ((e.nameIs("div") || e.nameIs("span") || e.nameIs("p")) && !e.children().isEmpty()
          && !(e.children().size() == 1 && e.child(0).nameIs("br"))) {
        continue; // a container, not a heading
      }
      String t = e.text();
      if (t.length() > 80 || t.isBlank() || JobSections.classify(t) == null) {
        continue;
      }
      if (!e.nameIs("strong") && !e.nameIs("b") && !e.nameIs("h1") && !e.nameIs("h2") && !e.nameIs("h3")
          && !e.nameIs("h4") && !e.nameIs("h5") && !e.nameIs("h6") && !e.nameIs("dt")
          && !JobSections.isHeading(JobLine.text(HtmlLines.clean(t)))) {
        continue;
      }
      if (e.closest("nav, footer, header, form, aside, a, button, script") != null) {
        continue;
      }
      headings++;
      int depth = 0;
      for (Element p = e.parent(); p != null && depth < 200; p = p.parent(), depth++) {
        counts.merge(p, 1, Integer::sum);
      }
    }
    if (!counts.isEmpty()) {
      int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
      int threshold = Math.max(1, (int) Math.ceil(max * 0.75));
      Element best = null;
      int bestDepth = -1;
      for (Map.Entry<Element, Integer> c : counts.entrySet()) {
        if (c.getValue() < threshold) {
          continue;
        }
        Element el = c.getKey();
        if (el.text().length() < 300) {
          continue;
        }
        int depth = el.parents().size();
        if (depth > bestDepth) {
          best = el;
          bestDepth = depth;
        }
      }
      if (best != null) {
        return best;
      }
    }
    Element main = doc.selectFirst("main, [role=main], article");
    if (main != null && main.text().length() >= 200) {
      return main;
    }
    return doc.body();
  }

  /** Last resort when parsing failed: just the page's title. */
  private static JobPosting titleOnly(String html) {
    try {
      if (html != null) {
        Matcher m = TITLE_TAG.matcher(html.length() > 200_000 ? html.substring(0, 200_000) : html);
        if (m.find()) {
          String t = HtmlLines.clean(Parser.unescapeEntities(m.group(1), false));
          if (!t.isEmpty()) {
            return new JobPosting(t.length() > 500 ? t.substring(0, 500) : t, null, null, null, null, null, null,
                null, null, null, null);
          }
        }
      }
    } catch (RuntimeException | StackOverflowError e) {
      // fall through
    }
    return JobPosting.empty();
  }
}
