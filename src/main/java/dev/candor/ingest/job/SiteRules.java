package dev.candor.ingest.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Board-specific rules. Checked on saved pages: LinkedIn's public (guest) job page, LinkedIn's logged-in
 * job view (server-driven UI with hashed class names) and a Greenhouse-backed company career page. The
 * Greenhouse-hosted board selectors and LinkedIn's older logged-in class names are from the boards'
 * known markup and not checked against a saved page.
 */
final class SiteRules {

  private static final int MAX_TITLE = 300;
  private static final Pattern LINKEDIN_GUEST_TITLE = Pattern.compile("^(.+?) hiring (.+?) in (.+?) \\| LinkedIn$");
  private static final Pattern JOB_ID = Pattern.compile("(?:currentJobId=|/jobs/view/(?:[^/?#]*-)?)(\\d{6,})");

  private SiteRules() {}

  // ---------------------------------------------------------------------------------------------- LinkedIn

  /** Applies LinkedIn's rules; true when the page had a LinkedIn job layout. */
  static boolean linkedIn(Document doc, String url, JobDraft d) {
    return linkedInGuest(doc, d) || linkedInSdui(doc, url, d) || linkedInClassic(doc, d);
  }

  private static boolean linkedInGuest(Document doc, JobDraft d) {
    Element title = doc.selectFirst(".top-card-layout__title, .topcard__title");
    Element markup = doc.selectFirst(".show-more-less-html__markup");
    if (title == null && markup == null) {
      return false;
    }
    if (markup == null) {
      markup = doc.selectFirst(".description__text");
    }
    if (title != null) {
      d.title(title.text());
    }
    d.company(textOf(doc.selectFirst(".topcard__org-name-link, .topcard__flavor a[href*=/company/]")));
    for (Element e : doc.select(".topcard__flavor--bullet")) {
      if (!e.hasClass("topcard__flavor--metadata") && !e.hasClass("num-applicants__caption")) {
        d.location(e.text());
        break;
      }
    }
    d.salary(textOf(doc.selectFirst(".compensation__salary, .salary.compensation__salary")));
    for (Element item : doc.select(".description__job-criteria-item")) {
      String label = textOf(item.selectFirst(".description__job-criteria-subheader"));
      String value = textOf(item.selectFirst(".description__job-criteria-text"));
      if (label == null || value == null) {
        continue;
      }
      String l = label.toLowerCase();
      if (l.contains("seniority") || l.contains("experience level")) {
        d.experienceLevel(value);
      } else if (l.contains("employment type")) {
        d.employmentType(value);
      }
    }
    for (Element chip : doc.select(".topcard__flavor--metadata, .top-card-layout__second-subline span")) {
      String t = chip.ownText();
      if (JobFields.remoteFromChip(t) != null && t.length() <= 20) {
        d.chip(t);
      }
    }
    if (markup != null) {
      d.descriptionLines(HtmlLines.of(markup));
    }
    titleFromHead(doc, d);
    return true;
  }

  /** The logged-in job view (2025 server-driven UI): hashed classes, so anchored on component keys and links. */
  private static boolean linkedInSdui(Document doc, String url, JobDraft d) {
    Element about = doc.selectFirst("[componentkey^=JobDetails_AboutTheJob]");
    if (about == null) {
      about = doc.selectFirst("[data-sdui-component$=aboutTheJob]");
    }
    if (about == null) {
      return false;
    }
    titleFromHead(doc, d);
    String id = null;
    String key = about.attr("componentkey");
    Matcher km = Pattern.compile("_(\\d+)$").matcher(key);
    if (km.find()) {
      id = km.group(1);
    } else if (url != null) {
      Matcher um = JOB_ID.matcher(url);
      if (um.find()) {
        id = um.group(1);
      }
    }
    // Not the inner text box alone: the HTML parser closes its <p> at the first <ul>, moving the lists out.
    List<JobLine> lines = new ArrayList<>(HtmlLines.of(about));
    if (!lines.isEmpty() && lines.get(0).text().equalsIgnoreCase("About the job")) {
      lines.remove(0);
    }
    d.descriptionLines(lines);

    // The top card sits between the job's title link and "About the job"; the left rail (other jobs)
    // comes before it, so take the last title link before the description.
    Elements all = doc.getAllElements();
    int aboutIndex = indexOf(all, about);
    int titleIndex = -1;
    if (id != null && aboutIndex > 0) {
      for (int i = aboutIndex - 1; i >= 0 && aboutIndex - i < 20_000; i--) {
        Element e = all.get(i);
        if (e.nameIs("a") && e.attr("href").contains("/jobs/view/" + id) && !e.text().isBlank()
            && (d.title == null || e.text().strip().equalsIgnoreCase(d.title))) {
          titleIndex = i;
          break;
        }
      }
    }
    if (titleIndex >= 0) {
      d.title(all.get(titleIndex).text());
      for (int i = titleIndex + 1; i < aboutIndex; i++) {
        Element e = all.get(i);
        if (d.location == null && e.nameIs("p") && e.text().contains("·")) {
          String first = e.text().split("·")[0].strip();
          if (!first.isEmpty() && first.length() <= 100) {
            d.location(first);
          }
        }
        if ((e.nameIs("span") || e.nameIs("li")) && e.children().isEmpty()) {
          String t = e.text().strip();
          if (t.length() <= 40 && (JobFields.isEmploymentChip(t) || JobFields.remoteFromChip(t) != null
              || t.matches("(?i)(?:on-?site|hybrid|remote)") || JobFields.SALARY.matcher(t).find())) {
            d.chip(t);
          }
        }
      }
      // The "Remote" workplace chip may carry the location's suffix: "Seattle, WA (Remote)".
      if (d.location != null && d.location.matches("(?i).*\\((?:remote|hybrid|on-?site)\\)\\s*$")) {
        d.chip(d.location.replaceAll("(?i).*\\((remote|hybrid|on-?site)\\)\\s*$", "$1"));
      }
    }
    return true;
  }

  /** LinkedIn's earlier logged-in markup (class names from the public extension ecosystem; unverified here). */
  private static boolean linkedInClassic(Document doc, JobDraft d) {
    Element title = doc.selectFirst(".job-details-jobs-unified-top-card__job-title, .jobs-unified-top-card__job-title");
    Element desc = doc.selectFirst("#job-details, .jobs-description__content, .jobs-description-content__text");
    if (title == null && desc == null) {
      return false;
    }
    if (title != null) {
      d.title(title.text());
    }
    d.company(textOf(doc.selectFirst(
        ".job-details-jobs-unified-top-card__company-name, .jobs-unified-top-card__company-name")));
    Element primary = doc.selectFirst(".job-details-jobs-unified-top-card__primary-description-container,"
        + " .job-details-jobs-unified-top-card__primary-description, .jobs-unified-top-card__primary-description");
    if (primary != null) {
      String first = primary.text().split("·")[0].strip();
      d.location(first);
    }
    d.location(textOf(doc.selectFirst(".jobs-unified-top-card__bullet")));
    for (Element chip : doc.select(".job-details-preferences-and-skills__pill, .jobs-unified-top-card__workplace-type,"
        + " .job-details-jobs-unified-top-card__job-insight span, .job-details-fit-level-preferences button span")) {
      d.chip(chip.ownText());
    }
    if (desc != null) {
      d.descriptionLines(HtmlLines.of(desc));
    }
    titleFromHead(doc, d);
    return true;
  }

  /** "Title | Company | LinkedIn" (logged in) or "Company hiring Title in Location | LinkedIn" (guest). */
  private static void titleFromHead(Document doc, JobDraft d) {
    String head = doc.title().replaceFirst("^\\(\\d+\\)\\s*", "").strip();
    // Page titles are short; a hostile one must not feed the lazy three-group pattern kilobytes.
    Matcher g = LINKEDIN_GUEST_TITLE.matcher(head.length() > MAX_TITLE ? "" : head);
    if (g.matches()) {
      d.company(g.group(1));
      d.title(g.group(2));
      d.location(g.group(3));
      return;
    }
    String[] parts = head.split("\\s+\\|\\s+");
    if (parts.length >= 3 && parts[parts.length - 1].equalsIgnoreCase("LinkedIn")) {
      d.title(parts[0]);
      d.company(parts[1]);
    }
  }

  // -------------------------------------------------------------------------------------------- Greenhouse

  /** Greenhouse-hosted boards (boards.greenhouse.io, job-boards.greenhouse.io); true when the layout matched. */
  static boolean greenhouse(Document doc, JobDraft d) {
    Element title = doc.selectFirst("h1.app-title, #header h1, h1.section-header, .job__title h1");
    Element content = doc.selectFirst("#content, .job__description, .job-post-content");
    if (title == null && content == null) {
      return false;
    }
    if (title != null) {
      d.title(title.text());
    }
    String company = textOf(doc.selectFirst("#header .company-name, .company-name"));
    if (company != null) {
      d.company(company.replaceFirst("(?i)^at\\s+", ""));
    }
    Matcher m = Pattern.compile("(?i)^Job Application for (.+?) at (.+)$").matcher(doc.title().strip());
    if (m.matches()) {
      d.title(m.group(1));
      d.company(m.group(2));
    }
    d.location(textOf(doc.selectFirst("#header .location, .job__location, .location")));
    if (content != null) {
      d.descriptionLines(HtmlLines.of(content));
    }
    return true;
  }

  /** A company career page whose application form is Greenhouse's (question_NNN fields, embed script). */
  static boolean looksGreenhouseBacked(Document doc) {
    return doc.selectFirst("#grnhse_app, iframe[src*=greenhouse.io], script[src*=greenhouse.io]") != null
        || (doc.selectFirst("input[name=first_name]") != null
            && doc.selectFirst("input[name~=^question_\\d{6,}], textarea[name~=^question_\\d{6,}]") != null);
  }

  // ------------------------------------------------------------------------------------------ other boards

  /** Where a board's page shows each field; selectors separated by commas, the first match wins. */
  private record Layout(String title, String company, String location, String salary, String employmentType,
      String description) {}

  /**
   * The other boards (seed 000's, and SEEK), from their usual markup (not checked against saved pages). Most of
   * them also publish JSON-LD, which is read first; these fill what it leaves out.
   */
  private static final Map<String, Layout> LAYOUTS = Map.ofEntries(
      Map.entry("indeed", new Layout(
          "h1.jobsearch-JobInfoHeader-title, [data-testid=jobsearch-JobInfoHeader-title]",
          "[data-testid=inlineHeader-companyName], [data-company-name=true]",
          "[data-testid=inlineHeader-companyLocation], [data-testid=job-location]",
          "#salaryInfoAndJobType span[class*=salary], [data-testid=jobsearch-OtherJobDetailsContainer] [class*=salary]",
          "#salaryInfoAndJobType span:not([class*=salary])",
          "#jobDescriptionText, .jobsearch-JobComponent-description")),
      Map.entry("glassdoor", new Layout(
          "[data-test=job-title], h1[id^=jd-job-title]",
          "[data-test=employer-name], [class*=EmployerProfile_employerName]",
          "[data-test=location]", "[data-test=detailSalary]", null,
          "[class*=JobDetails_jobDescription], .jobDescriptionContent")),
      Map.entry("ziprecruiter", new Layout(
          "h1.job_title, [data-testid=job-title]", ".hiring_company_text a, .hiring_company, [data-testid=job-company]",
          ".location_text, [data-testid=job-location]", ".salary_range, [data-testid=job-salary]", null,
          ".job_description, .jobDescriptionSection")),
      Map.entry("monster", new Layout(
          "[data-testid=jobTitle], h1.job_title", "[data-testid=company]", "[data-testid=jobDetailLocation]",
          "[data-testid=jobDetailSalary]", null, "[data-testid=jobDescriptionHtml], #JobDescription")),
      Map.entry("careerbuilder", new Layout(
          "h2.jdp_title_header, .dp-jobtitle h1", ".data-display-header_info-content span:first-child", 
          ".data-display-header_info-content span:nth-child(2)", "#cb-salcom-info", null,
          "#jdp_description, .jdp-description-details")),
      Map.entry("wellfound", new Layout(
          "h1", "a[href^=/company/] h2, [class*=companyName]", "[class*=location]", "[class*=compensation]", null,
          "#job-description, [class*=description]")),
      Map.entry("lever", new Layout(
          ".posting-headline h2", null, ".posting-categories .location, .posting-category.location", null,
          ".posting-categories .commitment", "[data-qa=job-description], .posting-page .section-wrapper.page-full-width")),
      Map.entry("workday", new Layout(
          "[data-automation-id=jobPostingHeader]", null, "[data-automation-id=locations] dd",
          null, "[data-automation-id=time] dd", "[data-automation-id=jobPostingDescription]")),
      Map.entry("smartrecruiters", new Layout(
          "h1.job-title", "[itemprop=hiringOrganization] [itemprop=name]",
          "[itemprop=jobLocation], spl-job-location", null, "[itemprop=employmentType]", ".job-sections")),
      Map.entry("seek", new Layout(
          "[data-automation=job-detail-title]", "[data-automation=advertiser-name]",
          "[data-automation=job-detail-location]", "[data-automation=job-detail-salary]",
          "[data-automation=job-detail-work-type]", "[data-automation=jobAdDetails]")));

  /**
   * Markup only one board writes, for a page that is not served from the board's host (a saved page, a mirror, a company
   * site embedding the board): its layout then applies as on the board itself. Wellfound's markup is too plain to tell.
   */
  private static final List<Map.Entry<String, String>> SIGNATURES = List.of(
      Map.entry("indeed", "#jobDescriptionText, [data-testid=jobsearch-JobInfoHeader-title], .jobsearch-JobComponent-description"),
      Map.entry("glassdoor", "[class*=JobDetails_jobDescription]"),
      Map.entry("ziprecruiter", ".jobDescriptionSection, .hiring_company_text"),
      Map.entry("seek", "[data-automation=jobAdDetails], [data-automation=job-detail-title]"),
      Map.entry("monster", "[data-testid=jobDescriptionHtml]"),
      Map.entry("careerbuilder", "#jdp_description, .jdp-description-details"),
      Map.entry("lever", ".posting-headline .posting-categories"),
      Map.entry("workday", "[data-automation-id=jobPostingDescription]"),
      Map.entry("smartrecruiters", "spl-job-location"));

  /** The board whose own markup the page carries, or {@link JobBoards#OTHER}. */
  static String boardByMarkup(Document doc) {
    for (Map.Entry<String, String> signature : SIGNATURES) {
      if (doc.selectFirst(signature.getValue()) != null) {
        return signature.getKey();
      }
    }
    return JobBoards.OTHER;
  }

  /**
   * Where a board's search page shows the job that is open beside the results (LinkedIn's ?currentJobId=, Indeed's ?vjk=,
   * Glassdoor's ?jl=, ZipRecruiter's and SEEK's split view), from the boards' usual markup (not checked against saved
   * pages).
   */
  private static final Map<String, String> OPEN_JOB_PANES = Map.of(
      "linkedin", ".jobs-search__job-details--container, .jobs-search__job-details",
      "indeed", "#jobsearch-ViewjobPaneWrapper, .jobsearch-RightPane, #vjs-container",
      "glassdoor", "[data-test=job-details], [class*=JobDetails_jobDetailsContainer]",
      "ziprecruiter", "[data-testid=job-details-scroll-container], [data-testid=right-pane], .job_details_container",
      "seek", "[data-automation=splitViewJobDetailsWrapper], [data-automation=jobDetailsPage]");

  /**
   * A board's search page with one job open: only that job's pane is read, so the results' cards and the page's own
   * furniture ("Settings", the search's title) do not stand in for the posting. Other pages are left whole.
   */
  static void keepOnlyTheOpenJob(Document doc, String board) {
    String panes = OPEN_JOB_PANES.get(board);
    Element pane = panes == null ? null : doc.selectFirst(panes);
    if (pane == null || pane.text().isBlank()) {
      return;
    }
    pane.remove();
    doc.body().children().remove();
    doc.body().appendChild(pane);
  }

  /** Applies a known board's layout; true when the page showed it (its title or its description). */
  static boolean knownLayout(String board, Document doc, JobDraft d) {
    Layout layout = LAYOUTS.get(board);
    if (layout == null) {
      return false;
    }
    Element title = first(doc, layout.title());
    Element description = first(doc, layout.description());
    if (title == null && description == null) {
      return false;
    }
    if (title != null) {
      d.title(title.text());
    }
    d.company(textOf(first(doc, layout.company())));
    Element location = first(doc, layout.location());
    d.location(location != null && location.hasAttr("formattedaddress") ? location.attr("formattedaddress") : textOf(location));
    d.salary(textOf(first(doc, layout.salary())));
    d.employmentType(textOf(first(doc, layout.employmentType())));
    if (board.equals("lever")) {
      d.chip(textOf(doc.selectFirst(".posting-categories .workplaceTypes")));
    }
    if (description != null) {
      d.descriptionLines(HtmlLines.of(description));
    }
    return true;
  }

  private static Element first(Document doc, String selectors) {
    return selectors == null ? null : doc.selectFirst(selectors);
  }

  /** Description containers of the boards' usual markup, tried before the generic search (unverified). */
  static final String KNOWN_DESCRIPTIONS = String.join(", ",
      "#jobDescriptionText", ".jobsearch-JobComponent-description", // Indeed
      "[data-automation-id=jobPostingDescription]", // Workday
      "[data-qa=job-description]", ".posting-page .section-wrapper.page-full-width", // Lever
      ".job-sections", "[itemprop=description]", // SmartRecruiters, microdata
      ".jobDescriptionContent", "[class*=JobDetails_jobDescription]", // Glassdoor
      ".job_description", ".jobDescriptionSection", // ZipRecruiter
      "[data-testid=jobDescriptionHtml]", "#JobDescription", // Monster
      "#jdp_description", ".jdp-description-details", // CareerBuilder
      "[data-automation=jobAdDetails]", // SEEK
      "#job-description", ".job-description", "#jobDescription", ".jobDescription", ".job-details__description");

  static String textOf(Element e) {
    if (e == null) {
      return null;
    }
    String t = HtmlLines.clean(e.text());
    return t.isEmpty() ? null : t;
  }

  private static int indexOf(Elements all, Element target) {
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i) == target) {
        return i;
      }
    }
    return -1;
  }
}
