package dev.candor.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.interview.CandidateFit.Seniority;
import java.time.Year;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateFitTest {

  private static final Year NOW = Year.of(2026);

  @Test
  void seniorityComesFromTheYearsAndTheNewestTitle() {
    assertEquals(Seniority.JUNIOR, seniority(job("Software Engineer", "2025", "Present")));
    assertEquals(Seniority.MID, seniority(job("Software Engineer", "2022", "Present")));
    assertEquals(Seniority.SENIOR, seniority(job("Software Engineer", "2016", "Present")), "ten years, no title: senior");
    assertEquals(Seniority.SENIOR, seniority(job("Senior Software Engineer", "2012", "Present")), "a senior title stays senior");
    assertEquals(Seniority.MID, seniority(job("Senior Engineer", "2025", "Present")), "a senior title with one year");
    assertEquals(Seniority.LEAD, seniority(job("Staff Engineer", "2018", "2026")));
    assertEquals(Seniority.MID, seniority(job("Tech Lead", "2023", "Present")), "a lead title with three years");
    assertEquals(Seniority.MID, seniority(job("Junior Developer", "2015", "Present")), "a junior title caps at mid");
  }

  @Test
  void jobsHeldAtOnceCountOnce() {
    Resume twoAtOnce = resume(List.of(experience("Engineer", "2020", "2024"), experience("Consultant", "2021", "2023")));
    assertEquals(4, CandidateFit.experienceYears(twoAtOnce, 2026));
    Resume undated = resume(List.of(experience("Engineer", null, null)));
    assertEquals(0, CandidateFit.experienceYears(undated, 2026));
  }

  @Test
  void strengthsAndGapsCompareTheResumeWithTheJob() {
    Resume resume = new Resume("Jane", "jane@example.com", null, null, null, null, null,
        List.of(experience("Senior Engineer", "2015", "Present")), List.of(), List.of("Java", "Kafka"), List.of(), List.of(),
        "Jane\nSenior Engineer\nJava, Kafka, PostgreSQL");
    JobPosting job = new JobPosting("Backend Engineer", null, null, null,
        List.of("Java and PostgreSQL", "Kubernetes", "Terraform"), List.of(), List.of(), null, null, null, null);
    CandidateFit fit = CandidateFit.of(resume, job, NOW);
    assertEquals(List.of("Java", "PostgreSQL"), fit.strengths(), "PostgreSQL is in the document though in no field");
    assertEquals(List.of("Kubernetes", "Terraform"), fit.gaps());
    assertEquals(List.of("Kubernetes", "Terraform", "System Design", "Java", "PostgreSQL"), fit.focusAreas());

    CandidateFit noJob = CandidateFit.of(resume, null, NOW);
    assertEquals(List.of(), noJob.gaps());
    assertTrue(noJob.strengths().containsAll(List.of("Java", "Kafka", "PostgreSQL")), noJob.toString());
  }

  @Test
  void aRememberedCandidateBeginsWithTheEarlierGaps() {
    CandidateFit fit = new CandidateFit(Seniority.MID, List.of("Python"), List.of("AWS"), List.of("AWS", "Python"));
    CandidateFit remembered = fit.rememberingGaps(List.of("Kubernetes", "Python"));
    assertEquals(List.of("Kubernetes", "AWS", "Python"), remembered.focusAreas(), "a gap closed since is left out");
  }

  private static Seniority seniority(Resume.Experience newest) {
    return CandidateFit.seniority(resume(List.of(newest)), NOW);
  }

  private static Resume.Experience job(String title, String start, String end) {
    return experience(title, start, end);
  }

  private static Resume.Experience experience(String title, String start, String end) {
    return new Resume.Experience("Acme", title, start, end, null, null, List.of());
  }

  private static Resume resume(List<Resume.Experience> experience) {
    return new Resume(null, null, null, null, null, null, null, experience, List.of(), List.of(), List.of(), List.of(), null);
  }
}
