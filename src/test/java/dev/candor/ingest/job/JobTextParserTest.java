package dev.candor.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.interview.JobPosting;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobTextParserTest {

  static final String SAMPLE = """
      Senior Software Engineer at Tech Corp
      Location: San Francisco, CA
      Salary: $120,000 - $150,000
      Employment type: Full-time
      Experience level: Senior

      We're looking for a senior software engineer to join our platform team. This is a fully remote
      position open to candidates in the US.

      Responsibilities:
      - Lead development of our core services
      - Mentor junior developers

      Requirements:
      • 5+ years Python
      • React experience
      • AWS knowledge
      • Kubernetes experience is a plus

      Nice to have:
      * GraphQL

      Benefits
      1. Health insurance
      2. 401k
      3. Flexible hours
      """;

  @Test
  void seedLikeDescription() {
    ParsedJob parsed = JobTextParser.parse(SAMPLE);
    JobPosting job = parsed.posting();
    assertEquals("other", parsed.source());
    assertEquals("Senior Software Engineer", job.title());
    assertEquals("Tech Corp", job.company());
    assertEquals("San Francisco, CA", job.location());
    assertEquals("$120,000 - $150,000", job.salary());
    assertEquals("Full-time", job.employmentType());
    assertEquals("Senior", job.experienceLevel());
    assertEquals(Boolean.TRUE, job.remote());
    assertEquals(List.of("Lead development of our core services", "Mentor junior developers"), job.responsibilities());
    assertEquals(List.of("5+ years Python", "React experience", "AWS knowledge"), job.requirements());
    assertEquals(List.of("GraphQL", "Kubernetes experience is a plus"), parsed.niceToHave());
    assertEquals(List.of("Health insurance", "401k", "Flexible hours"), job.benefits());
    assertTrue(job.description().contains("We're looking for a senior software engineer"));
    assertTrue(job.description().contains("• 5+ years Python"));
  }

  private static ParsedJob withHeading(String heading) {
    return JobTextParser.parse("Data Engineer\n\nWe build pipelines.\n\n" + heading
        + "\n- First item here\n- Second item here\n\nAbout us\n- Not an item\n");
  }

  private static void assertItems(List<String> items) {
    assertEquals(List.of("First item here", "Second item here"), items);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Requirements", "Qualifications", "What you'll need", "What you’ll need:",
      "What we're looking for", "WHAT WE'RE LOOKING FOR:", "You have", "You have:", "Minimum qualifications",
      "About you", "Who you are:", "## Requirements", "**Qualifications**", "REQUIREMENTS", "requirements:",
      "Basic Qualifications", "Skills & Experience", "Position Requires"})
  void requirementHeadings(String heading) {
    ParsedJob p = withHeading(heading);
    assertItems(p.posting().requirements());
    assertTrue(p.posting().responsibilities().isEmpty(), heading);
    assertTrue(p.niceToHave().isEmpty(), heading);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Responsibilities", "Key Responsibilities:", "What you'll do", "What You Will Do:",
      "The role", "Your impact", "In this role you will", "In this role, you will:", "Duties", "RESPONSIBILITIES"})
  void responsibilityHeadings(String heading) {
    ParsedJob p = withHeading(heading);
    assertItems(p.posting().responsibilities());
    assertTrue(p.posting().requirements().isEmpty(), heading);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Benefits", "Perks", "Perks & Benefits", "What we offer", "What we offer:", "Why join us",
      "Why join us?", "BENEFITS:", "Why you will flourish with us"})
  void benefitHeadings(String heading) {
    assertItems(withHeading(heading).posting().benefits());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Nice to have", "Nice-to-have:", "Bonus points", "Bonus points if you have:",
      "Preferred qualifications", "Preferred Qualifications:", "Pluses", "Bonus If You:", "NICE TO HAVE"})
  void niceToHaveHeadingsKeptApart(String heading) {
    ParsedJob p = withHeading(heading);
    assertItems(p.niceToHave());
    assertTrue(p.posting().requirements().isEmpty(), heading);
  }

  @Test
  void unknownHeadingEndsASection() {
    ParsedJob p = JobTextParser.parse("Requirements:\n- Java\n\nAbout the company:\n- Founded in 1999\n");
    assertEquals(List.of("Java"), p.posting().requirements());
  }

  @Test
  void aboutTheRoleIsNotResponsibilities() {
    ParsedJob p = JobTextParser.parse("About the role:\nYou will join a small team.\n\nWhat you'll do:\n"
        + "- Ship features\n");
    assertEquals(List.of("Ship features"), p.posting().responsibilities());
  }

  @Test
  void sectionWithoutBulletsGivesItsLines() {
    ParsedJob p = JobTextParser.parse("""
        Backend Engineer

        Requirements
        5+ years of Java
        Experience with Kafka and
        distributed systems

        Benefits
        Health insurance
        """);
    assertEquals(List.of("5+ years of Java", "Experience with Kafka and distributed systems"),
        p.posting().requirements());
    assertEquals(List.of("Health insurance"), p.posting().benefits());
  }

  @Test
  void allCapsItemsAreNotHeadings() {
    ParsedJob p = JobTextParser.parse("REQUIREMENTS\nAWS\nSQL\nCI/CD\n\nABOUT THE COMPANY\nWe sell widgets.\n");
    assertEquals(List.of("AWS", "SQL", "CI/CD"), p.posting().requirements());
  }

  @Test
  void headingWithContentOnTheSameLine() {
    ParsedJob p = JobTextParser.parse("Requirements: 5 years of Go\nBenefits: Unlimited PTO\n");
    assertEquals(List.of("5 years of Go"), p.posting().requirements());
    assertEquals(List.of("Unlimited PTO"), p.posting().benefits());
  }

  @Test
  void salaryAndRemoteForms() {
    assertEquals("$140k–$180k", JobTextParser.parse("Compensation: $140k–$180k + equity").posting().salary());
    assertEquals("€60.000", JobTextParser.parse("Gehalt / salary: €60.000 brutto").posting().salary());
    assertEquals("USD 150,000 per year", JobTextParser.parse("We pay USD 150,000 per year.").posting().salary());
    assertEquals("$45/hr", JobTextParser.parse("Pay: $45/hr").posting().salary());
    assertEquals(Boolean.TRUE, JobTextParser.parse("Workplace: Remote").posting().remote());
    assertEquals(Boolean.TRUE, JobTextParser.parse("Work from anywhere you like.").posting().remote());
    assertEquals(Boolean.FALSE, JobTextParser.parse("This is an on-site role in Lyon.").posting().remote());
    assertNull(JobTextParser.parse("We value remote collaboration tools.").posting().remote());
  }

  @Test
  void emptyAndOddInputNeverThrow() {
    for (String s : new String[] {null, "", "   ", "\n\n\n", "-", ":", "\u0000\u0001", "#", "**", "1."}) {
      ParsedJob p = JobTextParser.parse(s);
      assertNotNull(p);
      assertNotNull(p.posting());
      assertEquals("other", p.source());
    }
  }

  @Test
  void largeTextIsBounded() {
    StringBuilder sb = new StringBuilder("Requirements:\n");
    Function<Integer, String> item = i -> "- Requirement number " + i + " with $" + i + ",000 and remote words\n";
    for (int i = 0; sb.length() < 3_000_000; i++) {
      sb.append(item.apply(i));
    }
    ParsedJob p = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> JobTextParser.parse(sb.toString()));
    assertTrue(p.posting().requirements().size() > 10);
    assertTrue(p.posting().description().length() <= 100_000);
  }

  @Test
  void hostileShapesStayBounded() {
    // A line of separators and long digit runs before a currency sign once cost seconds (quadratic patterns).
    String separators = "Requirements\n- " + ", ".repeat(20_000) + "x";
    String digits = ("Salary " + "9".repeat(5000) + " $\n").repeat(20);
    ParsedJob listed = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> JobTextParser.parse(separators));
    assertTrue(listed.posting().requirements().size() <= 1, listed.posting().requirements().toString());
    ParsedJob paid = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> JobTextParser.parse(digits));
    assertTrue(paid.posting().salary() == null || paid.posting().salary().length() < 40, paid.posting().salary());
    ParsedJob titled = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> JobPageParser.parse(
        "<html><head><title>" + "a hiring b in ".repeat(800) + "</title></head></html>", "https://www.linkedin.com/jobs/view/1"));
    assertTrue(titled.posting().title() == null || titled.posting().title().length() <= 500);
  }
}
