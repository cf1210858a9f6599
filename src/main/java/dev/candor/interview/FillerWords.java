package dev.candor.interview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Counts the filler words of seed 000 ("um", "uh", "like", "you know", "so", "basically") only where
 * they are fillers. Three of them are also ordinary words, so each has its own rule:
 *
 * <ul>
 *   <li><b>hesitations</b> (um, umm, uhm, uh, uhh, erm, hmm): always fillers.
 *   <li><b>basically</b>: always a filler; it never changes what the sentence says.
 *   <li><b>like</b>: a filler when followed by a hesitation ("like, um"), or when followed by a pause
 *       and either preceded by a pause or by a verb it cannot be the object of ("I was, like,
 *       nervous", "we were like, done"). Otherwise it is a verb or a preposition: "I like Java",
 *       "tools like Kafka", "I would like to".
 *   <li><b>so</b>: a filler when set off by pauses on both sides ("Um, so, like") or when it opens a
 *       sentence or follows another filler as a discourse marker ("So, we...", "So I...", "um so
 *       we"), unless the next word makes it an intensifier or a purpose clause ("So that", "So
 *       much", "So far"). Mid-sentence it is a conjunction or an adverb: "I was tired so I left",
 *       "so that", "and so on", "I think so".
 *   <li><b>you know</b>: a filler when followed by a pause ("you know," / ", you know.") and not
 *       asked or embedded ("do you know?", "as you know", "let you know"). "You know the answer" and
 *       "do you know what" are not fillers.
 * </ul>
 */
final class FillerWords {

  /** @param tokens how many words the fillers take up ("you know" is two) */
  record Count(int total, int tokens, Map<String, Integer> byWord) {

    /** Fillers per 100 words. */
    double rate(int words) {
      return words == 0 ? 0 : 100.0 * total / words;
    }

    /** The fillers used, most frequent first, for feedback such as "mostly "um" and "like"". */
    List<String> mostUsed(int limit) {
      return byWord.entrySet().stream()
          .sorted((a, b) -> b.getValue() - a.getValue())
          .limit(limit)
          .map(Map.Entry::getKey)
          .toList();
    }
  }

  private static final Pattern HESITATION = Pattern.compile("u+h*m+|u+h+|e+r+m+|h+m+");

  /** Words after which a paused "like" is still a filler: "it was like, ...", "and like, ...". */
  private static final Set<String> BEFORE_FILLER_LIKE = Set.of(
      "was", "were", "is", "are", "am", "it's", "i'm", "he's", "she's", "we're", "they're", "just", "and",
      "but", "so", "really");

  /** Words after a sentence-opening "so" that make it an intensifier or purpose clause, not a marker. */
  private static final Set<String> SO_NOT_MARKER = Set.of(
      "that", "much", "many", "far", "long", "few", "little", "as", "called", "on", "forth", "to");

  /** Words before "you know" that make it a real question or clause: "do you know", "let you know". */
  private static final Set<String> YOU_KNOW_NOT_FILLER = Set.of(
      "do", "does", "did", "don't", "didn't", "doesn't", "if", "as", "would", "will", "could", "should",
      "can", "may", "might", "let", "to", "what", "whether", "how", "that");

  private FillerWords() {}

  static Count in(String text) {
    return in(Transcript.of(text));
  }

  static Count in(Transcript transcript) {
    List<Transcript.Token> tokens = transcript.tokens();
    Map<String, Integer> byWord = new LinkedHashMap<>();
    int total = 0;
    int fillerTokens = 0;
    boolean previousWasFiller = false;
    for (int i = 0; i < tokens.size(); i++) {
      Transcript.Token token = tokens.get(i);
      String word = token.lower();
      String label = null;
      int width = 1;
      if (isHesitation(word)) {
        label = word.startsWith("u") && word.contains("m") ? "um" : word.startsWith("u") ? "uh" : word;
      } else if (word.equals("basically")) {
        label = word;
      } else if (word.equals("like") && likeIsFiller(transcript, i)) {
        label = word;
      } else if (word.equals("so") && soIsFiller(transcript, i, previousWasFiller)) {
        label = word;
      } else if (word.equals("you") && transcript.word(i + 1).equals("know") && youKnowIsFiller(transcript, i)) {
        label = "you know";
        width = 2;
      }
      previousWasFiller = label != null;
      if (label != null) {
        byWord.merge(label, 1, Integer::sum);
        total++;
        fillerTokens += width;
        i += width - 1;
      }
    }
    return new Count(total, fillerTokens, byWord);
  }

  static boolean isHesitation(String word) {
    return HESITATION.matcher(word).matches();
  }

  private static boolean likeIsFiller(Transcript t, int i) {
    Transcript.Token token = t.tokens().get(i);
    if (i + 1 < t.wordCount() && isHesitation(t.word(i + 1))) {
      return true;
    }
    boolean setOffAfter = token.pauseAfter() && i + 1 < t.wordCount();
    return setOffAfter && (token.pauseBefore() || BEFORE_FILLER_LIKE.contains(t.word(i - 1)));
  }

  private static boolean soIsFiller(Transcript t, int i, boolean previousWasFiller) {
    Transcript.Token token = t.tokens().get(i);
    boolean hasNext = i + 1 < t.wordCount();
    if (token.pauseBefore() && token.pauseAfter() && hasNext && !token.sentenceStart()) {
      return true;
    }
    boolean opensClause = token.sentenceStart() || previousWasFiller;
    return opensClause && hasNext && !SO_NOT_MARKER.contains(t.word(i + 1));
  }

  private static boolean youKnowIsFiller(Transcript t, int i) {
    Transcript.Token you = t.tokens().get(i);
    Transcript.Token know = t.tokens().get(i + 1);
    if (!know.pauseAfter() || you.pauseAfter()) {
      return false;
    }
    return you.pauseBefore() || !YOU_KNOW_NOT_FILLER.contains(t.word(i - 1));
  }
}
