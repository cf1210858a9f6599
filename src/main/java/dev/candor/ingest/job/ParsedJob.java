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
 * @param listing what the page says about the listing itself rather than the job
 */
public record ParsedJob(JobPosting posting, List<String> niceToHave, String source, Listing listing) {

  /**
   * @param country the country of the job's (first) location, as the page names it ("DE", "United States"), or null
   * @param datePosted when the listing was published, as the page gives it (ISO 8601 on most boards), or null
   * @param validThrough when applications close, or null
   */
  public record Listing(String country, String datePosted, String validThrough) {
    public static final Listing UNKNOWN = new Listing(null, null, null);
  }

  public ParsedJob {
    posting = posting == null ? JobPosting.empty() : posting;
    niceToHave = niceToHave == null ? List.of() : List.copyOf(niceToHave);
    source = source == null ? JobBoards.OTHER : source;
    listing = listing == null ? Listing.UNKNOWN : listing;
  }

  public ParsedJob(JobPosting posting, List<String> niceToHave, String source) {
    this(posting, niceToHave, source, Listing.UNKNOWN);
  }
}
