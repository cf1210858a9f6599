package dev.candor.store;

import java.time.Instant;
import java.util.List;

/** A row of the jobs table: seed 002's JobDetails. */
public record JobRecord(
    String id,
    String title,
    String description,
    String requirements,
    String company,
    String location,
    String salaryRange,
    String experienceLevel,
    List<String> skillsRequired,
    Instant createdAt) {

  public JobRecord {
    skillsRequired = List.copyOf(skillsRequired);
  }
}
