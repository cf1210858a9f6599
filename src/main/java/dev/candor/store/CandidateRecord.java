package dev.candor.store;

import java.time.Instant;
import java.util.List;

/** A row of the candidates table: seed 002's CandidateDetails. */
public record CandidateRecord(
    String id,
    String name,
    String email,
    String resumeText,
    String resumeUrl,
    List<String> skills,
    String experience,
    String education,
    Instant createdAt) {

  public CandidateRecord {
    skills = List.copyOf(skills);
  }
}
