package dev.candor.interview;

import java.util.BitSet;
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
 *   <li><b>hesitations</b> (um, umm, uhm, uh, uhh, erm): always fillers. "Hmm" is thinking aloud, not one of
 *       the six, and is not counted.
 *   <li><b>basically</b>: always a filler; it never changes what the sentence says.
 *   <li><b>like</b>: a filler when followed by a hesitation ("like, um") or right after another filler
 *       ("so like", "basically like"); when followed by a pause and either preceded by a pause or by a
 *       word it cannot be the object of ("I was, like, nervous", "we were like, done", "want to like...
 *       wait"); when it stands between a subject that would need "likes" and its verb ("it like waits");
 *       or when a connective puts it before a clause ("then like continues", "so like it pauses").
 *       Otherwise it is a verb or a preposition: "I like Java", "tools like Kafka", "or like some data",
 *       "I would like to", "seems like", "more like twenty-two".
 *   <li><b>so</b>: a filler when set off by pauses on both sides ("Um, so, like"), when it opens the
 *       answer ("So, we...", "So I..."), or when it follows or comes before another filler ("um so we",
 *       "So like"), unless the next word makes it an intensifier or a purpose clause ("So that", "So
 *       much", "So far"). Opening a later sentence it draws a conclusion ("I love learning. So, the
 *       idea of..."), and mid-sentence it is a conjunction or an adverb: "I was tired so I left", "so
 *       that", "and so on", "I think so".
 *   <li><b>you know</b>: a filler when followed by a pause ("you know," / ", you know.") and not
 *       asked or embedded ("do you know?", "as you know", "let you know"), or when a pause sets it off
 *       before and no clause follows it ("suppliers, you know things they need"). "You know the
 *       answer", "do you know what" and ", you know that we..." are not fillers.
 * </ul>
 */
final class FillerWords {

  /**
   * @param tokens how many words the fillers take up ("you know" is two)
   * @param at the indexes of the transcript's tokens that are fillers, so that other readers can skip them
   */
  record Count(int total, int tokens, Map<String, Integer> byWord, BitSet at) {

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

  private static final Pattern HESITATION = Pattern.compile("u+h*m+|u+h+|e+r+m+");

  /** Words after which a paused "like" is still a filler: "it was like, ...", "and like, ...". */
  private static final Set<String> BEFORE_FILLER_LIKE = Set.of(
      "was", "were", "is", "are", "am", "it's", "i'm", "he's", "she's", "we're", "they're", "just", "and",
      "but", "so", "really");

  /** Words after a sentence-opening "so" that make it an intensifier or purpose clause, not a marker. */
  private static final Set<String> SO_NOT_MARKER = Set.of(
      "that", "much", "many", "far", "long", "few", "little", "as", "called", "on", "forth", "to");

  /** Subjects that would take "likes" as their verb, so a bare "like" after them is a filler: "it like waits". */
  private static final Set<String> SINGULAR_SUBJECTS = Set.of("it", "he", "she", "this");

  /** Connectives after which "like" before a clause is a filler: "then like continues", "so like it pauses". */
  private static final Set<String> CONNECTIVES = Set.of("then", "so", "and", "but", "or");

  private static final Set<String> SUBJECT_PRONOUNS = Set.of("i", "it", "he", "she", "we", "they", "you");

  /** Words after "you know" that make it a verb taking a clause: "you know that we...". */
  private static final Set<String> CLAUSE_OPENERS = Set.of(
      "that", "what", "how", "why", "who", "where", "when", "if", "whether", "which");

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
    BitSet at = new BitSet(tokens.size());
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
      } else if (word.equals("like") && likeIsFiller(transcript, i, previousWasFiller)) {
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
        at.set(i, i + width);
        i += width - 1;
      }
    }
    return new Count(total, fillerTokens, byWord, at);
  }

  static boolean isHesitation(String word) {
    return HESITATION.matcher(word).matches();
  }

  private static boolean likeIsFiller(Transcript t, int i, boolean previousWasFiller) {
    Transcript.Token token = t.tokens().get(i);
    boolean hasNext = i + 1 < t.wordCount();
    if (hasNext && isHesitation(t.word(i + 1))) {
      return true;
    }
    // After a filler it is one more, unless a gerund makes it the verb again: "I, um, like working here".
    if (previousWasFiller && hasNext && !token.sentenceStart() && !t.word(i + 1).endsWith("ing")) {
      return true;
    }
    String before = t.word(i - 1);
    boolean setOffAfter = token.pauseAfter() && hasNext;
    if (setOffAfter && (token.pauseBefore() || BEFORE_FILLER_LIKE.contains(before) || before.equals("to"))) {
      return true;
    }
    if (!hasNext || token.pauseBefore() || token.pauseAfter()) {
      return false;
    }
    String after = t.word(i + 1);
    return SINGULAR_SUBJECTS.contains(before) && !Phrases.STOPWORDS.contains(after)
        || CONNECTIVES.contains(before) && (SUBJECT_PRONOUNS.contains(after) || looksLikeVerb(after));
  }

  /** A third-person or past verb form ("continues", "waited"): after "then like" it cannot be a noun the "like" compares to. */
  private static boolean looksLikeVerb(String word) {
    return word.length() > 3 && (word.endsWith("es") || word.endsWith("ed"));
  }

  private static boolean soIsFiller(Transcript t, int i, boolean previousWasFiller) {
    Transcript.Token token = t.tokens().get(i);
    boolean hasNext = i + 1 < t.wordCount();
    if (token.pauseBefore() && token.pauseAfter() && hasNext && !token.sentenceStart()) {
      return true;
    }
    boolean nextIsFiller = hasNext && (isHesitation(t.word(i + 1)) || t.word(i + 1).equals("like")
        || t.word(i + 1).equals("basically"));
    boolean marker = i == 0 || previousWasFiller || nextIsFiller && token.sentenceStart();
    return marker && hasNext && !SO_NOT_MARKER.contains(t.word(i + 1));
  }

  private static boolean youKnowIsFiller(Transcript t, int i) {
    Transcript.Token you = t.tokens().get(i);
    Transcript.Token know = t.tokens().get(i + 1);
    if (you.pauseAfter()) {
      return false;
    }
    if (!know.pauseAfter()) {
      return you.pauseBefore() && !you.sentenceStart() && !CLAUSE_OPENERS.contains(t.word(i + 2));
    }
    return you.pauseBefore() || !YOU_KNOW_NOT_FILLER.contains(t.word(i - 1));
  }
}
