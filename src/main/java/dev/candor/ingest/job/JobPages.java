package dev.candor.ingest.job;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a job posting from its URL: through the board's JSON API where it has one, else from the page itself.
 * Blocking (it fetches); callers run it off their actor and stream threads.
 *
 * @param onlyKnownBoards whether only the job boards seed 000 lists are fetched (redirects included)
 */
public record JobPages(SafeFetcher fetcher, BoardApis boardApis, boolean onlyKnownBoards) {

  private static final Logger log = LoggerFactory.getLogger(JobPages.class);

  /** Whether {@code url} may be fetched at all under this setting (the fetch checks its redirects again). */
  public boolean accepts(String url) {
    return !onlyKnownBoards || JobBoards.isKnown(url);
  }

  /** A board with a JSON API is read through it; the page itself is the fallback when the API does not answer. */
  public ParsedJob read(String url) throws FetchException {
    Optional<BoardApis.ApiRequest> api = boardApis.requestFor(url);
    if (api.isPresent()) {
      try {
        Optional<String> page = BoardApis.asJsonLdPage(api.get(), fetcher.fetch(api.get().url().toString()).body());
        if (page.isPresent()) {
          return JobPageParser.parse(page.get(), url);
        }
      } catch (FetchException e) {
        log.info("{} API did not answer for {} ({}); reading the page instead", api.get().board(), url, e.getMessage());
      }
    }
    SafeFetcher.Page page = fetcher.fetch(url, target -> accepts(target.toString()));
    return JobPageParser.parse(page);
  }
}
