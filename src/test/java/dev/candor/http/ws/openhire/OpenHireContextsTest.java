package dev.candor.http.ws.openhire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.interview.Resume;
import dev.candor.store.CandidateRecord;
import dev.candor.testing.SampleData;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A candidate row and its resume text become one Resume: the row's own fields first, the rest parsed from the text. */
class OpenHireContextsTest {

  @Test
  void theResumeTextIsParsedAndTheRowWinsWhereItSpeaks() {
    CandidateRecord row = new CandidateRecord("c-1", "Johnny Doe", "", SampleData.SEED_000_RESUME_TEXT, "",
        List.of("Kafka", "react"), "", "", Instant.now());
    Resume resume = OpenHireContexts.resume(row, row.resumeText());
    assertEquals("Johnny Doe", resume.name(), "the name the candidate entered");
    assertEquals("john.doe@email.com", resume.email(), "no email in the row: the resume's");
    assertEquals(2, resume.experience().size());
    assertEquals("Tech Corp Inc.", resume.experience().get(0).company());
    assertEquals(List.of("Kafka", "react", "Node.js"), resume.skills().subList(0, 3), "row skills first, no case duplicates");
    assertEquals("University of Technology", resume.education().get(0).institution());
    assertTrue(resume.summary().startsWith("Software Engineer with 5 years"));
  }
}
