package dev.candor.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.interview.JobPosting;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JobPageParserTest {

  private static final String DESCRIPTION_HTML = "<p>Acme builds payment rails for the web.</p>"
      + "<h3>What you'll do</h3><ul><li>Design event-driven services</li><li>Own the ledger</li></ul>"
      + "<h3>Requirements:</h3><ul><li>5+ years of Java</li><li>Experience with Kafka</li></ul>"
      + "<h3>Bonus points</h3><ul><li>Rust</li></ul>"
      + "<h3>What we offer</h3><ul><li>Equity</li><li>Unlimited PTO</li></ul>";

  @Test
  void theCountryComesFromACountryObjectOrTheFirstOfSeveralLocations() {
    String ld = """
        {"@context": "https://schema.org", "@type": "JobPosting", "title": "Support Engineer",
         "description": "Help our customers.",
         "jobLocation": [{"@type": "Place", "address": {"addressLocality": "Austin",
             "addressCountry": {"@type": "Country", "name": "United States"}}},
           {"@type": "Place", "address": {"addressLocality": "Toronto", "addressCountry": "CA"}}]}
        """;
    String remote = """
        {"@context": "https://schema.org", "@type": "JobPosting", "title": "Support Engineer",
         "description": "Help our customers.", "jobLocationType": "TELECOMMUTE",
         "applicantLocationRequirements": {"@type": "Country", "name": "Portugal"}}
        """;
    assertEquals("United States", JobPageParser.parse(page(ld), "https://example.com/jobs/1").listing().country());
    assertEquals("Portugal", JobPageParser.parse(page(remote), "https://example.com/jobs/2").listing().country());
    assertEquals(ParsedJob.Listing.UNKNOWN, JobPageParser.parse("<html><body><h1>Support Engineer</h1><p>Help our customers "
        + "with their questions every day.</p></body></html>", "https://example.com/jobs/3").listing());
  }

  private static String page(String jsonLd) {
    return "<html><head><script type=\"application/ld+json\">" + jsonLd + "</script></head><body></body></html>";
  }

  @Test
  void jsonLdJobPosting() {
    String ld = """
        {"@context": "https://schema.org", "@type": "JobPosting",
         "title": "Backend Engineer",
         "hiringOrganization": {"@type": "Organization", "name": "Acme Payments"},
         "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Berlin",
            "addressCountry": "DE"}},
         "jobLocationType": "TELECOMMUTE",
         "description": %s,
         "baseSalary": {"@type": "MonetaryAmount", "currency": "USD",
            "value": {"@type": "QuantitativeValue", "minValue": 120000, "maxValue": 150000, "unitText": "YEAR"}},
         "employmentType": "FULL_TIME",
         "datePosted": "2026-11-20", "validThrough": "2027-01-31T23:59",
         "experienceRequirements": "Senior"}
        """.formatted(quote(DESCRIPTION_HTML));
    String html = "<html><head><title>Careers</title><script type=\"application/ld+json\">" + ld
        + "</script></head><body><h1>Something else</h1><p>Cookie banner</p></body></html>";
    ParsedJob parsed = JobPageParser.parse(html, "https://jobs.smartrecruiters.com/Acme/123");
    JobPosting job = parsed.posting();
    assertEquals("smartrecruiters", parsed.source());
    assertEquals("Backend Engineer", job.title());
    assertEquals("Acme Payments", job.company());
    assertEquals("Berlin, DE", job.location());
    assertEquals("$120,000 - $150,000 per year", job.salary());
    assertEquals("Full-time", job.employmentType());
    assertEquals("Senior", job.experienceLevel());
    assertEquals(Boolean.TRUE, job.remote());
    assertEquals(List.of("Design event-driven services", "Own the ledger"), job.responsibilities());
    assertEquals(List.of("5+ years of Java", "Experience with Kafka"), job.requirements());
    assertEquals(List.of("Equity", "Unlimited PTO"), job.benefits());
    assertEquals(List.of("Rust"), parsed.niceToHave());
    assertEquals(new ParsedJob.Listing("DE", "2026-11-20", "2027-01-31T23:59"), parsed.listing());
    assertTrue(job.description().contains("Acme builds payment rails for the web."));
    assertTrue(job.description().contains("• Own the ledger"));
    assertFalse(job.description().contains("<"));
  }

  @Test
  void jsonLdInGraphWithEscapedDescriptionAndTypeArray() {
    String escaped = DESCRIPTION_HTML.replace("<", "&lt;").replace(">", "&gt;");
    String ld = """
        [{"@type": "WebSite", "name": "x"},
         {"@graph": [{"@type": ["JobPosting"], "name": "Data Engineer",
            "hiringOrganization": "Globex",
            "jobLocation": [{"address": {"addressLocality": "Austin", "addressRegion": "TX"}},
                            {"address": "Remote, US"}],
            "description": %s,
            "baseSalary": {"currency": "EUR", "value": 60000},
            "employmentType": ["PART_TIME", "CONTRACTOR"],
            "experienceRequirements": {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": 36}}]}]
        """.formatted(quote(escaped));
    String html = "<script type='application/ld+json'>" + ld + "</script><h1>Data Engineer</h1>";
    JobPosting job = JobPageParser.parse(html, "https://example.com/jobs/1").posting();
    assertEquals("Data Engineer", job.title());
    assertEquals("Globex", job.company());
    assertEquals("Austin, TX; Remote, US", job.location());
    assertEquals("€60,000", job.salary());
    assertEquals("Part-time, Contract", job.employmentType());
    assertEquals("3 years", job.experienceLevel());
    assertEquals(List.of("5+ years of Java", "Experience with Kafka"), job.requirements());
  }

  @Test
  void brokenJsonLdFallsBackToThePage() {
    String html = "<title>Ops Lead – Initech</title><script type=\"application/ld+json\">{\"@type\": \"JobPosting\", "
        + "\"title\": </script><h1>Ops Lead</h1><div class=\"location\">Dallas, TX</div>"
        + "<article><h2>Responsibilities</h2><ul><li>Run the on-call rota</li></ul>"
        + "<p>Some text long enough to count as a description block for the generic reader of pages. "
        + "It goes on for a while so that the block is clearly the content of the page and not chrome.</p>"
        + "<p>More words about the team, the product and the way the company works day to day, to pad it.</p>"
        + "</article>";
    ParsedJob parsed = JobPageParser.parse(html, "https://initech.example/careers/ops");
    assertEquals("Ops Lead", parsed.posting().title());
    assertEquals("Initech", parsed.posting().company());
    assertEquals("Dallas, TX", parsed.posting().location());
    assertEquals(List.of("Run the on-call rota"), parsed.posting().responsibilities());
    assertEquals("other", parsed.source());
  }

  @Test
  void linkedInGuestPage() {
    String html = """
        <html><head><title>Heidi hiring Senior Engineer in Melbourne, Victoria, Australia | LinkedIn</title></head>
        <body><section class="top-card-layout">
          <h1 class="top-card-layout__title topcard__title">Senior Engineer</h1>
          <h4 class="top-card-layout__second-subline"><div class="topcard__flavor-row">
            <span class="topcard__flavor"><a class="topcard__org-name-link" href="https://au.linkedin.com/company/heidi">
              Heidi </a></span>
            <span class="topcard__flavor topcard__flavor--bullet"> Melbourne, Victoria, Australia </span></div>
            <div class="topcard__flavor-row"><span class="posted-time-ago__text topcard__flavor--metadata">1 week ago</span>
            <span class="num-applicants__caption topcard__flavor--metadata topcard__flavor--bullet">196 applicants</span>
          </div></h4></section>
        <div class="description__text description__text--rich"><section class="show-more-less-html">
          <div class="show-more-less-html__markup"><strong>Who We Are<br><br></strong>We build an AI care partner.<br><br>
          <strong>What You’ll Do<br><br></strong><ul><li>Maintain build systems</li><li>Automate releases<br><br></li></ul>
          <strong>What We’re Looking For<br><br></strong><ul><li>CI/CD experience</li><li>Terraform</li></ul>
          <strong>Nice to Have<br><br></strong><ul><li>Azure</li></ul>
          <strong>The way we work<br><br></strong><ul><li> Build to Last<br><br></li></ul>We design for safety.<br><br>
          <strong>Why you will flourish with us<br><br></strong><ul><li>Flexible hybrid working environment, with 3 days
          in the office.</li><li>Equity</li></ul>We are an equal opportunity employer.</div>
          <button class="show-more-less-html__button">Show more</button></section></div>
        <ul class="description__job-criteria-list">
          <li class="description__job-criteria-item"><h3 class="description__job-criteria-subheader">Seniority level</h3>
            <span class="description__job-criteria-text">Mid-Senior level</span></li>
          <li class="description__job-criteria-item"><h3 class="description__job-criteria-subheader">Employment type</h3>
            <span class="description__job-criteria-text">Full-time</span></li></ul>
        <section class="similar-jobs"><h2>Similar jobs</h2><ul><li>Staff Engineer at Other Co</li></ul></section>
        </body></html>
        """;
    ParsedJob parsed = JobPageParser.parse(html, "https://au.linkedin.com/jobs/view/senior-engineer-at-heidi-44118");
    JobPosting job = parsed.posting();
    assertEquals("linkedin", parsed.source());
    assertEquals("Senior Engineer", job.title());
    assertEquals("Heidi", job.company());
    assertEquals("Melbourne, Victoria, Australia", job.location());
    assertEquals("Full-time", job.employmentType());
    assertEquals("Mid-Senior level", job.experienceLevel());
    assertEquals(Boolean.FALSE, job.remote());
    assertNull(job.salary());
    assertEquals(List.of("Maintain build systems", "Automate releases"), job.responsibilities());
    assertEquals(List.of("CI/CD experience", "Terraform"), job.requirements());
    assertEquals(List.of("Azure"), parsed.niceToHave());
    assertEquals(List.of("Flexible hybrid working environment, with 3 days in the office.", "Equity"), job.benefits());
    assertTrue(job.description().contains("We build an AI care partner."));
    assertFalse(job.description().contains("Similar jobs"));
  }

  @Test
  void aSearchPageWithOneJobOpenReadsThatJob() {
    // A board's split view: its settings drawer, the results' cards, and the job that is open beside them.
    String card = "<li><article><h2 data-testid=\"job-title\">%s</h2><a data-testid=\"job-company\">%s</a>"
        + "<div class=\"job_description\"><ul><li>Requirement of another job</li></ul></div></article></li>";
    String html = "<html><head><title>Data Engineer Jobs in Austin, TX | ZipRecruiter</title></head><body>"
        + "<aside hidden><h1>Settings</h1><a href=\"#\">Notifications</a></aside>"
        + "<ul class=\"jobList\">" + card.formatted("Data Analyst", "Initech") + card.formatted("ETL Developer", "Globex")
        + "</ul><div data-testid=\"right-pane\"><h2 data-testid=\"job-title\">Senior Data Engineer</h2>"
        + "<a data-testid=\"job-company\">Hooli</a><p data-testid=\"job-location\">Austin, TX</p>"
        + "<div class=\"job_description\"><p>Build the pipelines behind our search.</p><h3>Requirements</h3>"
        + "<ul><li>5+ years of Python</li><li>Experience with Spark</li></ul>"
        + "<h3>Responsibilities</h3><ul><li>Own the ingestion services</li></ul></div></div></body></html>";
    ParsedJob parsed = JobPageParser.parse(html, "https://www.ziprecruiter.com/jobs-search?search=data+engineer&lk=abc");
    JobPosting job = parsed.posting();
    assertEquals("Senior Data Engineer", job.title(), "not the drawer's 'Settings' nor a card's title");
    assertEquals("Hooli", job.company());
    assertEquals("Austin, TX", job.location());
    assertEquals(List.of("5+ years of Python", "Experience with Spark"), job.requirements());
    assertEquals(List.of("Own the ingestion services"), job.responsibilities());
    assertFalse(job.description().contains("another job"), job.description());
    assertEquals("Senior Nurse", JobPageParser.parse("<html><head><title>Senior Nurse | Mercy Hospital</title></head>"
        + "<body><h1>Settings</h1><p>Care for patients.</p></body></html>", "https://mercy.example/jobs/1").posting().title(),
        "a page's furniture is never the title");
  }

  @Test
  void seekIndeedAndGlassdoorPagesReadTheirSectionsFromTheirOwnMarkup() {
    // Pages written in each board's usual markup: SEEK's bold paragraph headings, Indeed's bold labels over text bullets,
    // Glassdoor's bold headings over lists, each board's own title, company, place, salary and work type fields.
    JobPosting seek = JobPageParser.parse("""
        <html><head><title>Senior Accountant Job in Melbourne VIC - SEEK</title></head><body>
        <h1 data-automation="job-detail-title">Senior Accountant</h1>
        <span data-automation="advertiser-name">Nexus Partners</span>
        <span data-automation="job-detail-location">Melbourne VIC</span>
        <span data-automation="job-detail-work-type">Full time</span>
        <span data-automation="job-detail-salary">$95,000 – $110,000 + super</span>
        <div data-automation="jobAdDetails"><div>
        <p>Our client, a growing mid-tier firm, is looking for a Senior Accountant to join their business services team.</p>
        <p><strong>The role</strong></p>
        <ul><li>Prepare financial statements and tax returns for SME clients</li><li>Review work of junior staff</li><li>Liaise with clients on advisory matters</li></ul>
        <p><strong>About you</strong></p>
        <ul><li>CA or CPA qualified (or nearing completion)</li><li>3+ years in a public practice firm</li><li>Strong Xero and MYOB skills</li></ul>
        <p><strong>What's on offer</strong></p>
        <ul><li>Flexible working arrangements</li><li>Clear path to Manager</li></ul>
        <p>Apply now or call Sam on 03 9000 0000.</p>
        </div></div></body></html>
        """, "https://www.seek.com.au/job/12345678").posting();
    assertEquals(List.of("Senior Accountant", "Nexus Partners", "Melbourne VIC", "$95,000 – $110,000 + super", "Full time"),
        List.of(seek.title(), seek.company(), seek.location(), seek.salary(), seek.employmentType()));
    assertEquals(List.of("CA or CPA qualified (or nearing completion)", "3+ years in a public practice firm",
        "Strong Xero and MYOB skills"), seek.requirements());
    assertEquals(3, seek.responsibilities().size(), seek.responsibilities().toString());
    assertEquals(List.of("Flexible working arrangements", "Clear path to Manager"), seek.benefits(), "what's on offer");

    ParsedJob indeed = JobPageParser.parse("""
        <html><head><title>Warehouse Supervisor - Dallas, TX - Indeed.com</title></head><body>
        <h1 class="jobsearch-JobInfoHeader-title"><span>Warehouse Supervisor</span></h1>
        <div data-testid="inlineHeader-companyName"><a>Lone Star Distribution</a></div>
        <div data-testid="inlineHeader-companyLocation">Dallas, TX 75201</div>
        <div id="salaryInfoAndJobType"><span class="css-19j1a75 salary">$58,000 - $65,000 a year</span><span class="css-k5flys"> -  Full-time</span></div>
        <div id="jobDescriptionText" class="jobsearch-jobDescriptionText"><div>
        <p>Lone Star Distribution is hiring a second-shift warehouse supervisor.</p>
        <p><b>Responsibilities:</b><br>• Lead a team of 15 associates on second shift<br>• Track productivity and safety metrics<br>• Train new hires on WMS procedures</p>
        <p><b>Qualifications:</b><br>• 2+ years of warehouse leadership<br>• Forklift certification<br>• Bilingual in Spanish a plus</p>
        <p><b>Benefits:</b><br>• 401(k) matching<br>• Health insurance</p>
        </div></div></body></html>
        """, "https://www.indeed.com/viewjob?jk=abc");
    assertEquals("Full-time", indeed.posting().employmentType(), "the separator before it dropped");
    assertEquals(List.of("2+ years of warehouse leadership", "Forklift certification"), indeed.posting().requirements());
    assertEquals(List.of("Bilingual in Spanish a plus"), indeed.niceToHave());
    assertEquals(3, indeed.posting().responsibilities().size());

    JobPosting glassdoor = JobPageParser.parse("""
        <html><head><title>Product Manager job in Chicago, IL - Glassdoor</title></head><body>
        <div data-test="job-details"><h1 data-test="job-title">Product Manager, Payments</h1>
        <div class="EmployerProfile_employerName__Xemli">Braintree</div><div data-test="location">Chicago, IL</div>
        <div data-test="detailSalary">$130K - $160K (Employer est.)</div>
        <div class="JobDetails_jobDescription__uW_fK"><div>
        <p>Braintree powers payments for the world's best businesses.</p>
        <p><b>What you'll do</b></p><ul><li>Own the roadmap for merchant onboarding</li><li>Work with engineering to ship weekly</li></ul>
        <p><b>What you'll bring</b></p><ul><li>4+ years of product management</li><li>Payments domain knowledge</li></ul>
        <p><b>Perks</b></p><ul><li>Hybrid work</li></ul>
        </div></div></div></body></html>
        """, "https://www.glassdoor.com/job-listing/pm-braintree-JV_IC1128808.htm?jl=123").posting();
    assertEquals(List.of("Product Manager, Payments", "Braintree", "Chicago, IL"),
        List.of(glassdoor.title(), glassdoor.company(), glassdoor.location()));
    assertEquals(List.of("4+ years of product management", "Payments domain knowledge"), glassdoor.requirements());
    assertEquals(List.of("Own the roadmap for merchant onboarding", "Work with engineering to ship weekly"),
        glassdoor.responsibilities());
  }

  @Test
  void linkedInLoggedInPage() {
    String card = "<div componentkey=\"job-card-component-ref-%s\"><a href=\"https://www.linkedin.com/jobs/view/%s/\">"
        + "%s</a><p><span>%s</span></p><span>Full-time</span><span>$99K/yr - $120K/yr</span></div>";
    String html = "<html><head><title>(3) Software Engineer II | Uber | LinkedIn</title></head><body>"
        + "<div class=\"_a1\">" + card.formatted("111", "111", "Software Engineer", "Boston, MA (Remote)")
        + card.formatted("222", "222", "Software Engineer II", "Seattle, WA") + "</div>"
        + "<div class=\"_b2\"><p class=\"_x\"><a href=\"https://www.linkedin.com/jobs/view/222/?trk=1\">Software Engineer II</a>"
        + "</p><div></div><p class=\"_y\"><span>Seattle, WA</span> · <span><strong>2 hours ago</strong></span> · "
        + "<span>20 people clicked apply</span></p><div><a href=\"#\"><span><span>Hybrid</span></span></a>"
        + "<a href=\"#\"><span><span>Full-time</span></span></a></div></div>"
        + "<div componentkey=\"JobDetails_AboutTheJob_222\"><div data-sdui-component=\"x.aboutTheJob\">"
        + "<h2>About the job</h2><p><span data-testid=\"expandable-text-box\"><strong>Employer:</strong> Uber Technologies, Inc."
        + "<br><br><strong>Rate of Pay:</strong> $204,500 to $209,000 per Year<br><br>Build platform to power document "
        + "workflows across Uber. May telecommute.<br><br><strong>Position Requires<br><br></strong>"
        + "<ul><li> Partitioned databases; </li><li> Computer Science fundamentals.</li></ul></span></p></div></div>"
        + "<div componentkey=\"JobDetails_AboutTheCompany_222\"><h2>About the company</h2><p>Uber moves people.</p></div>"
        + "</body></html>";
    ParsedJob parsed = JobPageParser.parse(html, "https://www.linkedin.com/jobs/search-results/?currentJobId=222");
    JobPosting job = parsed.posting();
    assertEquals("linkedin", parsed.source());
    assertEquals("Software Engineer II", job.title());
    assertEquals("Uber", job.company());
    assertEquals("Seattle, WA", job.location());
    assertEquals("Full-time", job.employmentType());
    assertEquals("$204,500 to $209,000 per Year", job.salary());
    assertEquals(Boolean.FALSE, job.remote());
    assertEquals(List.of("Partitioned databases", "Computer Science fundamentals."), job.requirements());
    assertTrue(job.description().startsWith("Employer: Uber Technologies, Inc."));
    assertFalse(job.description().contains("Uber moves people"));
  }

  @Test
  void greenhouseHostedBoard() {
    String html = "<html><head><title>Job Application for Platform Engineer at Acme</title></head><body>"
        + "<div id=\"header\"><h1 class=\"app-title\">Platform Engineer</h1><span class=\"company-name\">at Acme</span>"
        + "<div class=\"location\">New York, NY</div></div><div id=\"content\"><p>Acme is hiring.</p>"
        + "<p><strong>Responsibilities</strong></p><ul><li>Run Kubernetes</li></ul>"
        + "<p><strong>Minimum Qualifications</strong></p><ul><li>Go</li></ul>"
        + "<p><strong>Preferred Qualifications</strong></p><ul><li>Terraform</li></ul>"
        + "<p>The salary range for this role is $140,000 - $170,000 USD. This is an on-site role.</p></div>"
        + "<form id=\"application_form\"><input name=\"first_name\"></form></body></html>";
    ParsedJob parsed = JobPageParser.parse(html, "https://boards.greenhouse.io/acme/jobs/4182467004");
    JobPosting job = parsed.posting();
    assertEquals("greenhouse", parsed.source());
    assertEquals("Platform Engineer", job.title());
    assertEquals("Acme", job.company());
    assertEquals("New York, NY", job.location());
    assertEquals(List.of("Run Kubernetes"), job.responsibilities());
    assertEquals(List.of("Go"), job.requirements());
    assertEquals(List.of("Terraform"), parsed.niceToHave());
    assertEquals("$140,000 - $170,000", job.salary());
    assertEquals(Boolean.FALSE, job.remote());
  }

  @Test
  void indeedLayoutWithoutJsonLd() {
    String html = "<html><head><title>Data Analyst - Remote | Indeed.com</title></head><body>"
        + "<h1 class=\"jobsearch-JobInfoHeader-title\"><span>Data Analyst</span></h1>"
        + "<div data-testid=\"inlineHeader-companyName\"><a>Northwind Traders</a></div>"
        + "<div data-testid=\"inlineHeader-companyLocation\">Denver, CO</div>"
        + "<div id=\"salaryInfoAndJobType\"><span class=\"css-19j1a75 salary\">$70,000 - $85,000 a year</span>"
        + "<span class=\"css-k5flys\">Full-time</span></div>"
        + "<div id=\"jobDescriptionText\"><p>Turn sales data into decisions.</p><p><b>Requirements:</b></p>"
        + "<ul><li>SQL and Excel</li><li>2 years in analytics</li></ul></div></body></html>";
    ParsedJob parsed = JobPageParser.parse(html, "https://www.indeed.com/viewjob?jk=5f2a9c");
    JobPosting job = parsed.posting();
    assertEquals("indeed", parsed.source());
    assertEquals("Data Analyst", job.title());
    assertEquals("Northwind Traders", job.company());
    assertEquals("Denver, CO", job.location());
    assertEquals("$70,000 - $85,000 a year", job.salary());
    assertEquals("Full-time", job.employmentType());
    assertEquals(List.of("SQL and Excel", "2 years in analytics"), job.requirements());
  }

  @Test
  void aBoardsMarkupIsReadWhereverThePageIsServedFrom() {
    String html = "<html><head><title>Data Analyst</title></head><body>"
        + "<nav><h1>Saved jobs</h1></nav>"
        + "<h1 class=\"jobsearch-JobInfoHeader-title\"><span>Data Analyst</span></h1>"
        + "<div data-testid=\"inlineHeader-companyName\"><a>Northwind Traders</a></div>"
        + "<div id=\"jobDescriptionText\"><p>Turn sales data into decisions.</p><p><b>Requirements:</b></p>"
        + "<ul><li>SQL and Excel</li><li>2 years in analytics</li></ul></div></body></html>";
    // A saved copy, a mirror, a company site embedding the board: no board host, no canonical link.
    ParsedJob parsed = JobPageParser.parse(html, "https://mirror.example.org/saved/indeed-data-analyst.html");
    assertEquals("indeed", parsed.source());
    assertEquals("Data Analyst", parsed.posting().title());
    assertEquals("Northwind Traders", parsed.posting().company());
    assertEquals(List.of("SQL and Excel", "2 years in analytics"), parsed.posting().requirements());
  }

  @Test
  void seekPagesReadTheirRequirementsFromTheirOwnStructure() {
    String html = "<html><head><title>Platform Engineer Job in Sydney - SEEK</title></head><body>"
        + "<h1 data-automation=\"job-detail-title\">Platform Engineer</h1>"
        + "<span data-automation=\"advertiser-name\">Koala Logistics</span>"
        + "<span data-automation=\"job-detail-location\">Sydney NSW</span>"
        + "<span data-automation=\"job-detail-work-type\">Full time</span>"
        + "<span data-automation=\"job-detail-salary\">$150,000 - $170,000 per year</span>"
        + "<div data-automation=\"jobAdDetails\"><p>We move freight across Australia.</p>"
        + "<p><strong>What you'll do</strong></p><ul><li>Run our Kubernetes platform</li><li>Automate deployments</li></ul>"
        + "<p><strong>What you'll bring</strong></p><ul><li>4+ years with AWS</li><li>Terraform</li>"
        + "<li>On-call experience</li></ul></div></body></html>";
    for (String url : List.of("https://www.seek.com.au/job/81234567", "https://archive.example.net/seek/81234567")) {
      ParsedJob parsed = JobPageParser.parse(html, url);
      JobPosting job = parsed.posting();
      assertEquals("seek", parsed.source(), url);
      assertEquals("Platform Engineer", job.title());
      assertEquals("Koala Logistics", job.company());
      assertEquals("Sydney NSW", job.location());
      assertEquals("$150,000 - $170,000 per year", job.salary());
      assertEquals(List.of("4+ years with AWS", "Terraform", "On-call experience"), job.requirements(), url);
      assertEquals(List.of("Run our Kubernetes platform", "Automate deployments"), job.responsibilities(), url);
    }
  }

  @Test
  void leverAndWorkdayPageLayouts() {
    String lever = "<html><head><title>Acme - Backend Engineer</title></head><body><div class=\"posting-headline\">"
        + "<h2>Backend Engineer</h2><div class=\"posting-categories\"><div class=\"location\">Toronto, ON</div>"
        + "<div class=\"commitment\">Full-time</div><div class=\"workplaceTypes\">Remote</div></div></div>"
        + "<div data-qa=\"job-description\"><p>We build APIs.</p></div>"
        + "<div class=\"section page-centered\"><h3>Requirements</h3><ul><li>Kotlin</li></ul></div></body></html>";
    ParsedJob leverJob = JobPageParser.parse(lever, "https://jobs.lever.co/acme/0b1e0f53-1c9e-4a55-9b39-4b4f8a1f0c11");
    assertEquals("lever", leverJob.source());
    assertEquals("Backend Engineer", leverJob.posting().title());
    assertEquals("Toronto, ON", leverJob.posting().location());
    assertEquals("Full-time", leverJob.posting().employmentType());
    assertEquals(Boolean.TRUE, leverJob.posting().remote());

    String workday = "<html><head><title>Workday</title></head><body>"
        + "<h2 data-automation-id=\"jobPostingHeader\">Payroll Specialist</h2>"
        + "<div data-automation-id=\"locations\"><dl><dt>locations</dt><dd>Dublin, Ireland</dd></dl></div>"
        + "<div data-automation-id=\"time\"><dl><dt>time type</dt><dd>Part time</dd></dl></div>"
        + "<div data-automation-id=\"jobPostingDescription\"><p>Run the monthly payroll.</p>"
        + "<p><b>What you bring</b></p><ul><li>CIPP qualification</li></ul></div></body></html>";
    ParsedJob workdayJob = JobPageParser.parse(workday, "https://acme.wd3.myworkdayjobs.com/en-US/Careers/job/Dublin/Payroll_R-7");
    assertEquals("workday", workdayJob.source());
    assertEquals("Payroll Specialist", workdayJob.posting().title());
    assertEquals("Dublin, Ireland", workdayJob.posting().location());
    assertEquals("Part time", workdayJob.posting().employmentType());
    assertTrue(workdayJob.posting().description().contains("Run the monthly payroll"));
  }

  @Test
  void greenhouseBackedCompanyPage() {
    String html = "<html><head><title>Sales Engineer, Europe – Vercel</title>"
        + "<meta property=\"og:title\" content=\"Sales Engineer, Europe – Vercel\"></head><body>"
        + "<header><nav><a href=\"/pricing\">Pricing</a></nav></header>"
        + "<section class=\"hero\"><a href=\"/careers\">← Back to Careers</a><h1>Sales Engineer, Europe</h1>"
        + "<div class=\"features\"><div class=\"feature\"><i></i>Sales Engineering<!-- --></div>"
        + "<div class=\"feature\"><i></i>Remote <!-- --><span class=\"hero_locations\">(<!-- --><span>Germany</span>"
        + "<span>United Kingdom</span>)<!-- --></span></div><div class=\"feature\"><i></i>Full Time<!-- --></div></div>"
        + "<a href=\"#apply\">Apply</a></section>"
        + "<section class=\"details\"><div><h2>About Vercel:</h2><p>At Vercel, we believe the frontend matters.</p>"
        + "<h2>About the Role:</h2><p>You will partner with account executives on strategic deals across EMEA.</p>"
        + "<h2>What You Will Do:</h2><p>Some intro.</p><ul><li><p>Run PoCs</p></li><li><p>Answer RFPs</p></li></ul>"
        + "<h2>About You:</h2><p>You understand TCP, DNS and HTTP and love explaining them to people.</p>"
        + "<h2>Bonus If You:</h2><ul><li><p>Deployed Next.js</p></li></ul>"
        + "<h2>Benefits:</h2><ul><li><p>Stock options</p></li><li><p>Flexible working style - 100% remote</p></li></ul>"
        + "</div><div><h3>Perks</h3><ul><li><i></i>Generous Gear Credit</li><li><i></i>Work Remotely</li></ul></div>"
        + "</section><form id=\"apply\"><input name=\"first_name\"><input name=\"question_7466460004\">"
        + "<p>Are you currently based in any of these countries:</p></form><footer>© Vercel</footer></body></html>";
    ParsedJob parsed = JobPageParser.parse(html, "https://vercel.com/careers/sales-engineer-europe-uk-4182467004");
    JobPosting job = parsed.posting();
    assertEquals("greenhouse", parsed.source());
    assertEquals("Sales Engineer, Europe", job.title());
    assertEquals("Vercel", job.company());
    assertEquals("Remote (Germany, United Kingdom)", job.location());
    assertEquals("Full Time", job.employmentType());
    assertEquals(Boolean.TRUE, job.remote());
    assertEquals(List.of("Run PoCs", "Answer RFPs"), job.responsibilities());
    assertEquals(List.of("You understand TCP, DNS and HTTP and love explaining them to people."), job.requirements());
    assertEquals(List.of("Deployed Next.js"), parsed.niceToHave());
    assertEquals(List.of("Stock options", "Flexible working style - 100% remote"), job.benefits());
    assertTrue(job.description().contains("At Vercel, we believe the frontend matters."));
    assertFalse(job.description().contains("Pricing"));
  }

  @Test
  void genericPageWithHeadings() {
    String html = """
        <html><head><title>Careers | Initrode</title><meta property="og:site_name" content="Initrode"></head>
        <body><nav><ul><li>Home</li><li>Requirements for our website</li></ul></nav>
        <main><h1>Field Technician</h1><p class="meta">Denver, CO</p>
        <p>Initrode installs solar panels across Colorado and we are growing fast this year.</p>
        <p><b>Your impact</b></p><ul><li>Install panels</li><li>Inspect sites</li></ul>
        <h4>Who you are</h4><ul><li>Valid driver's licence</li><li>OSHA 10 certification is a plus</li></ul>
        <h4>Perks</h4><ul><li>Company truck</li></ul>
        <p>Pay: $28/hr. This is a full-time, on-site position.</p></main>
        <footer><h4>Benefits of solar</h4><ul><li>Clean energy</li></ul></footer></body></html>
        """;
    ParsedJob parsed = JobPageParser.parse(html, "https://initrode.example/jobs/42");
    JobPosting job = parsed.posting();
    assertEquals("other", parsed.source());
    assertEquals("Field Technician", job.title());
    assertEquals("Initrode", job.company());
    assertEquals(List.of("Install panels", "Inspect sites"), job.responsibilities());
    assertEquals(List.of("Valid driver's licence"), job.requirements());
    assertEquals(List.of("OSHA 10 certification is a plus"), parsed.niceToHave());
    assertEquals(List.of("Company truck"), job.benefits());
    assertEquals("$28/hr", job.salary());
    assertEquals("full-time", job.employmentType());
    assertEquals(Boolean.FALSE, job.remote());
  }

  @Test
  void workplaceInTheTitleAndAGenericDescriptionClass() {
    String html = "<h1>Support Lead (Remote)</h1><div class=\"description__text\"><h2>Requirements</h2>"
        + "<ul><li>Zendesk</li></ul><p>" + "We answer customers quickly and kindly. ".repeat(10) + "</p></div>";
    ParsedJob parsed = JobPageParser.parse(html, "https://help.example.com/jobs/7");
    assertEquals("other", parsed.source());
    assertEquals("Support Lead (Remote)", parsed.posting().title());
    assertEquals(Boolean.TRUE, parsed.posting().remote());
    assertEquals(List.of("Zendesk"), parsed.posting().requirements());
  }

  @Test
  void pageWithNothingUsefulKeepsItsTitle() {
    ParsedJob parsed = JobPageParser.parse("<html><head><title>  Welcome &amp; hello </title></head>"
        + "<body><p>Nothing to see.</p></body></html>", "https://example.org/");
    JobPosting job = parsed.posting();
    assertEquals("Welcome & hello", job.title());
    assertTrue(job.requirements().isEmpty());
    assertTrue(job.responsibilities().isEmpty());
    assertTrue(job.benefits().isEmpty());
    assertTrue(parsed.niceToHave().isEmpty());
    assertNull(job.salary());
    assertNull(job.remote());
    assertNull(job.employmentType());
    assertEquals("other", parsed.source());
  }

  @Test
  void oddInputNeverThrows() {
    String[] pages = {null, "", "   ", "<", "<<<>>>", "<html", "\u0000\u0001\u0002", "<script>", "<title>",
        "<table><tr><td><ul><li>", "plain words, no markup at all", "<svg><h1>x</h1></svg>",
        "<script type=\"application/ld+json\">[[[[[[</script>", "<script type=\"application/ld+json\">"
        + "{\"@type\":\"JobPosting\",\"title\":{},\"jobLocation\":7,\"baseSalary\":[],\"description\":null}</script>"};
    String[] urls = {null, "", "not a url", "ftp://x", "https://www.linkedin.com/jobs/view/1", "javascript:alert(1)"};
    for (String page : pages) {
      for (String url : urls) {
        ParsedJob parsed = JobPageParser.parse(page, url);
        assertNotNull(parsed);
        assertNotNull(parsed.posting());
        assertNotNull(parsed.source());
      }
    }
    Random random = new Random(7);
    for (int i = 0; i < 50; i++) {
      byte[] bytes = new byte[2_000];
      random.nextBytes(bytes);
      assertNotNull(JobPageParser.parse(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1), null));
    }
  }

  @Test
  void hugePageIsParsedInBoundedTime() {
    StringBuilder sb = new StringBuilder("<html><head><title>Big – Corp</title></head><body>");
    for (int i = 0; sb.length() < 3_500_000; i++) {
      sb.append("<div class=\"card c").append(i).append("\"><a href=\"/jobs/view/").append(i).append("\">Job ")
          .append(i).append("</a><span>Full-time</span><p>Lorem ipsum dolor sit amet $").append(i)
          .append(",000 remote</p></div>");
    }
    sb.append("<article><h1>Big Job</h1><h2>Requirements</h2><ul><li>Patience</li></ul>")
        .append("<p>".repeat(3)).append("x ".repeat(200)).append("</article>");
    String deep = "<div>".repeat(20_000) + "<h2>Requirements</h2><ul><li>Depth</li></ul>" + "</div>".repeat(20_000);
    ParsedJob parsed = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> JobPageParser.parse(sb.toString(), "https://www.linkedin.com/jobs/view/1"));
    assertEquals("Big Job", parsed.posting().title());
    assertEquals(List.of("Patience"), parsed.posting().requirements());
    ParsedJob deepParsed = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> JobPageParser.parse(deep, null));
    assertNotNull(deepParsed.posting());
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
