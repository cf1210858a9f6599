package dev.candor.ingest.job;

import dev.candor.interview.JobPosting;
import java.util.List;

/**
 * A parsed job page.
 *
 * @param posting the structured posting
 * @param niceToHave "nice to have" / "bonus" / "preferred" items, kept apart from the requirements
 * @param source the board recognised: "linkedin", "indeed", "glassdoor", "ziprecruiter", "monster",
 *     "careerbuilder", "wellfound", "lever", "greenhouse", "workday", "smartrecruiters", or "other" (also
 *     for plain text)
 */
public record ParsedJob(JobPosting posting, List<String> niceToHave, String source) {

  public ParsedJob {
    posting = posting == null ? JobPosting.empty() : posting;
    niceToHave = niceToHave == null ? List.of() : List.copyOf(niceToHave);
    source = source == null ? JobBoards.OTHER : source;
  }
}
