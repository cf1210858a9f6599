package dev.candor.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JobBoardsTest {

  @ParameterizedTest
  @CsvSource({
      "https://www.linkedin.com/jobs/view/4411867124, linkedin",
      "https://au.linkedin.com/jobs/view/senior-engineer-at-heidi-4411867124, linkedin",
      "https://www.indeed.com/viewjob?jk=abc, indeed",
      "https://uk.indeed.com/viewjob?jk=abc, indeed",
      "https://www.indeed.co.uk/viewjob?jk=abc, indeed",
      "https://www.glassdoor.com/job-listing/x, glassdoor",
      "https://www.glassdoor.co.uk/job-listing/x, glassdoor",
      "https://www.ziprecruiter.com/c/Acme/Job/x, ziprecruiter",
      "https://www.monster.com/job-openings/x, monster",
      "https://www.careerbuilder.com/job/J3x, careerbuilder",
      "https://wellfound.com/jobs/123-engineer, wellfound",
      "https://angel.co/company/acme/jobs/1, wellfound",
      "https://jobs.lever.co/acme/5ac2-11, lever",
      "https://jobs.eu.lever.co/acme/5ac2-11, lever",
      "https://boards.greenhouse.io/acme/jobs/4182467004, greenhouse",
      "https://job-boards.greenhouse.io/acme/jobs/4182467004, greenhouse",
      "https://acme.wd5.myworkdayjobs.com/en-US/External/job/x, workday",
      "https://www.seek.com.au/job/81234567, seek",
      "https://www.seek.co.nz/job/81234567, seek",
      "https://www.workday.com/en-us/company/careers.html, workday",
      "https://jobs.smartrecruiters.com/Acme/7439, smartrecruiters",
      "HTTPS://WWW.LINKEDIN.COM./jobs/view/1, linkedin",
      "www.linkedin.com/jobs/view/1, linkedin",
      "https://user@www.lever.co:443/x, lever",
      "https://vercel.com/careers/sales-engineer-europe-uk-4182467004, other",
      "https://linkedin.example.com/jobs, other",
      "https://notlinkedin.com/jobs, other",
      "https://angel.com/x, other",
      "https://lever.com/x, other",
      "https://greenhouse.com/x, other",
      "https://www.linkedin.evil/jobs/view/1, other",
      "https://www.linkedin.co.uk/jobs/view/1, other",
      "https://www.linkedin.cn/jobs/view/1, linkedin",
      "https://de.indeed.com/viewjob?jk=abc, indeed",
      "https://www.indeed.de/viewjob?jk=abc, indeed",
      "https://www.indeed.jobs/x, other",
      "https://www.glassdoor.evil/job-listing/x, other",
      "https://www.smartrecruiters.net/x, other",
      "https://acme.wd5.myworkdayjobs.io/x, other"})
  void namesTheBoardByHost(String url, String board) {
    assertEquals(board, JobBoards.of(url));
    assertEquals(!board.equals("other"), JobBoards.isKnown(url));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "not a url", "http://", "https://[::1", "mailto:x@linkedin.com", "linkedin"})
  void oddInputIsOther(String url) {
    assertEquals("other", JobBoards.of(url));
    assertFalse(JobBoards.isKnown(url));
  }

  @org.junit.jupiter.api.Test
  void nullIsOther() {
    assertEquals("other", JobBoards.of(null));
    assertFalse(JobBoards.isKnown(null));
    assertTrue(JobBoards.isKnown("http://jobs.lever.co/a"));
  }
}
