package dev.candor.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JobFieldsTest {

  @ParameterizedTest
  @ValueSource(strings = {"$120,000 - $150,000", "$140k–$180k", "€60.000", "USD 150,000 per year", "$45/hr",
      "$204,500 to $209,000 per Year", "£55,000 - £65,000 per annum", "60.000 €", "CAD 95,000", "$120K - $150K"})
  void salaryFormsAsPrinted(String salary) {
    assertEquals(salary, JobFields.salaryFromLabel(salary));
    assertEquals(salary, JobFields.salaryFromLabel("Salary: " + salary + ", plus equity"));
    assertEquals(salary, JobFields.salaryFromText("Great team.\nThe salary for this role is " + salary + ".\nApply!"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Backed by nearly $100 million in funding, we are growing.",
      "A generous personal development budget of $500 per annum",
      "We raised $25M last year.",
      "Join 5,000 customers in 40 countries.",
      "Our $2,000 home office stipend per year.",
      "Spend 20% of your time on open source."})
  void notASalary(String text) {
    assertNull(JobFields.salaryFromText(text));
  }

  @Test
  void rangeInRunningTextWithoutPayWords() {
    assertEquals("$90,000 - $110,000", JobFields.salaryFromText("Range: $90,000 - $110,000 depending on level"));
    assertEquals("$35/hour", JobFields.salaryFromText("Starting at $35/hour with weekend premiums"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Remote|true", "Remote (Germany, United Kingdom)|true", "TELECOMMUTE|true", "Work from anywhere|true",
      "Seattle, WA (Remote)|true", "On-site|false", "Onsite|false", "In-office|false", "Hybrid|false",
      "San Francisco, CA|", "Full-time|"})
  void remoteFromChip(String chip, Boolean remote) {
    assertEquals(remote, JobFields.remoteFromChip(chip));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "This is a fully remote position.|true",
      "You can work from anywhere in the EU.|true",
      "We are a remote-first company.|true",
      "This is an on-site role in Austin.|false",
      "Flexible hybrid working environment, with 3 days in the office.|false",
      "This is an in-office position five days a week.|false",
      "Build platform to power document workflows. May telecommute.|",
      "You will collaborate with remote teams across time zones.|",
      "Fully remote, with one on-site week per year for the offsite.|true",
      "We build tools for developers.|"})
  void remoteFromText(String text, Boolean remote) {
    assertEquals(remote, JobFields.remoteFromText(text));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"Full-time|Full-time", "Full Time|Full Time", "Part-time|Part-time",
      "Contract|Contract", "Internship|Internship", "Temporary|Temporary", "Seattle, WA|"})
  void employmentChips(String chip, String expected) {
    assertEquals(expected, JobFields.isEmploymentChip(chip) ? JobFields.employmentTypeOf(chip) : null);
  }

  @Test
  void employmentTypeInText() {
    assertEquals("full-time", JobFields.employmentTypeFromText("This is a full-time role based in Berlin."));
    assertEquals("Part-time", JobFields.employmentTypeFromText("Part-time, 20 hours a week."));
    assertNull(JobFields.employmentTypeFromText("You will review contract terms with legal."));
  }

  @Test
  void labelLines() {
    Map<String, String> labels = JobFields.labels(List.of(
        JobLine.text("Employer: Uber Technologies, Inc."),
        JobLine.text("Job Title: Software Engineer II"),
        JobLine.text("Job Location: Seattle, Washington"),
        JobLine.text("Job Type: Full Time"),
        JobLine.text("Rate of Pay: $204,500 to $209,000 per Year"),
        JobLine.text("Seniority level: Mid-Senior level"),
        JobLine.text("Workplace type: Hybrid"),
        JobLine.text("Note: this is not a label we know")));
    assertEquals("Uber Technologies, Inc.", labels.get("company"));
    assertEquals("Software Engineer II", labels.get("title"));
    assertEquals("Seattle, Washington", labels.get("location"));
    assertEquals("Full Time", labels.get("employmentType"));
    assertEquals("$204,500 to $209,000 per Year", labels.get("salary"));
    assertEquals("Mid-Senior level", labels.get("experienceLevel"));
    assertEquals("Hybrid", labels.get("workplace"));
    assertEquals(7, labels.size());
  }
}
