package dev.candor.interview;

import java.util.List;

/** A job posting in structured form: seed 000's job fields. */
public record JobPosting(
    String title,
    String company,
    String location,
    String description,
    List<String> requirements,
    List<String> responsibilities,
    List<String> benefits,
    String salary,
    String employmentType,
    String experienceLevel,
    Boolean remote) {

  public JobPosting {
    requirements = List.copyOf(Resume.nullToEmpty(requirements));
    responsibilities = List.copyOf(Resume.nullToEmpty(responsibilities));
    benefits = List.copyOf(Resume.nullToEmpty(benefits));
  }

  public static JobPosting empty() {
    return new JobPosting(null, null, null, null, null, null, null, null, null, null, null);
  }
}
