package dev.candor.interview;

import java.util.List;

/**
 * A candidate's resume in structured form. Carries the union of the seeds' resume shapes (seed 000's
 * parsedResume and seed 001's ParsedResume); each contract projects the fields it knows.
 */
public record Resume(
    String name,
    String email,
    String phone,
    String location,
    String linkedin,
    String github,
    String summary,
    List<Experience> experience,
    List<Education> education,
    List<String> skills,
    List<Project> projects,
    List<String> certifications,
    String rawText) {

  public Resume {
    experience = List.copyOf(nullToEmpty(experience));
    education = List.copyOf(nullToEmpty(education));
    skills = List.copyOf(nullToEmpty(skills));
    projects = List.copyOf(nullToEmpty(projects));
    certifications = List.copyOf(nullToEmpty(certifications));
  }

  public static Resume empty() {
    return new Resume(null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** One job. {@code duration} is the period as printed ("2020 - Present"); start and end split it. */
  public record Experience(
      String company,
      String position,
      String startDate,
      String endDate,
      String duration,
      String description,
      List<String> highlights) {
    public Experience {
      highlights = List.copyOf(nullToEmpty(highlights));
    }
  }

  public record Education(String institution, String degree, String field, String year) {}

  public record Project(String name, String description, List<String> technologies, String duration) {
    public Project {
      technologies = List.copyOf(nullToEmpty(technologies));
    }
  }

  static <T> List<T> nullToEmpty(List<T> list) {
    return list == null ? List.of() : list.stream().filter(java.util.Objects::nonNull).toList();
  }
}
