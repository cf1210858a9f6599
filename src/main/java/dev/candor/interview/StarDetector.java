package dev.candor.interview;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides which STAR parts an answer covers, sentence by sentence, on the words without their fillers (so
 * "I was, like, in charge" reads as "i was in charge"). Three kinds of evidence count:
 *
 * <ul>
 *   <li><b>Cue phrases</b> people say when telling a story, not single words: "team" alone says nothing about
 *       the situation, "our team had" does.
 *   <li><b>Tense and person</b>: an action is "I" followed (after an adverb or two) by a verb in the past
 *       tense, regular or irregular ("I observed" is perception, "I decided", "I took", "I gathered" are
 *       actions); a state ("I was", "I felt", "I had", "I wanted") is not. "We" does not count: the action
 *       part is what the candidate did.
 *   <li><b>The story's own order</b>: context comes first and the outcome last, so a situation cue counts in
 *       the first two thirds of the sentences and a result cue only after the first sentence (unless the
 *       answer is a single sentence): "As a result" before anything happened is a claim, not an outcome.
 * </ul>
 *
 * <p>Situation cues: "when I was", "when we launched", "during a/my/the", "while teaching", "once", "at my
 * previous/last/current job", "in my internship/course/role", "I had a manager", "we had this project", "my
 * team faced", "I was the coordinator", "back in 2019", "two years ago", "last semester", "at the time", "there
 * was", "at &lt;Company&gt;" (a capitalised name after "at").
 *
 * <p>Task cues: "my goal/task/job/responsibility was", "the challenge was", "I was asked/tasked/responsible/in
 * charge", "asked me to", "I/we needed/had/wanted to", "I set out to", "it was up to me".
 *
 * <p>Action cues: "I" + past-tense verb as above; "I've built"; "I started by", "my
 * approach was", "what I did was", "I made sure", "I took the initiative".
 *
 * <p>Result cues: "as a result", "resulted in", "which reduced/improved/led to", "we delivered/shipped/achieved",
 * "successfully", "on time", "ended up", "turned it into", "setback", "it worked", "paid off", "I learned",
 * "taught me", "the outcome", "in the end", "ultimately", a percentage, "by half", "from N to M", "3x faster".
 */
final class StarDetector {

  private static final String WORD_BOUNDARY = "\\b";

  private static final Pattern SITUATION = cues(
      "\\bwhen (?:i|we) (?:was|were|joined|started|first|\\w+ed)\\b",
      "\\bat my (?:previous|last|current|old|first|former) (?:job|company|role|employer|team|position|workplace)\\b",
      "\\bin my (?:previous|last|current|former|first|old) (?:role|job|position|team|company)\\b",
      "\\b(?:in|at|during) my (?:\\w+ )?(?:course|class|internship|placement|degree|studies|university|school"
          + "|college|job|role|team|project|company|position)\\b",
      "\\bduring (?:a|an|my|the|our|this|that)\\b",
      "\\bwhile (?:i was |we were )?\\w+ing\\b",
      "\\bonce\\b",
      "\\bwe were\\b",
      "\\b(?:i|we) had (?:a|an|this|that|one|our|my)\\b(?! (?:lot|bit)\\b)",
      "\\b(?:my|our) (?:team|company|group|manager|boss|client|customer|lead) (?:faced|had|was|were|asked|needed)\\b",
      "\\bi was (?:the|a|an) \\w+",
      "\\bthe (?:project|problem|situation|context|issue) was\\b",
      "\\b(?:back )?in (?:early |late |mid ?)?(?:19|20)\\d{2}\\b",
      "\\b(?:\\w+ )?(?:years?|months?|weeks?) ago\\b",
      "\\blast (?:year|quarter|month|summer|winter|spring|autumn|fall|semester|term)\\b",
      "\\bat the time\\b",
      "\\bthere (?:was|were) (?:a|an|this|one)\\b",
      "\\bthere was a time\\b",
      "\\bi was working (?:on|as|at|with)\\b",
      "\\bi worked (?:at|on|as)\\b");

  /** "at Tech Corp": a capitalised name after "at"; case matters, so it is read on the original text. */
  private static final Pattern AT_COMPANY = Pattern.compile("(?<![\\p{L}])[Aa]t\\s+(?!I\\b|First\\b)\\p{Lu}[\\p{L}\\p{N}&.-]*");

  private static final Pattern TASK = cues(
      "\\bmy (?:goal|task|job|responsibility|role|objective|mission|assignment) (?:was|is)\\b",
      "\\bour (?:goal|task|objective|mission) was\\b",
      "\\bthe (?:goal|task|objective|challenge|ask) was\\b",
      "\\bi was (?:asked|tasked|responsible|assigned|expected|hired|brought in|in charge)\\b",
      "\\b(?:asked|wanted|needed|told|assigned|expected|tasked) me (?:to|with)\\b",
      "\\b(?:i|we) (?:needed|had|wanted) to\\b",
      "\\bin charge of\\b",
      "\\bresponsible for\\b",
      "\\bit was (?:my job|up to me)\\b",
      "\\bi set out to\\b",
      "\\bi was supposed to\\b");

  private static final Pattern ACTION = cues(
      "\\bi started by\\b",
      "\\bmy approach was\\b",
      "\\bwhat i did was\\b",
      "\\bi made sure\\b",
      "\\bi took (?:the )?(?:initiative|lead|ownership|charge)\\b");

  private static final Pattern RESULT = cues(
      "\\bas a result\\b",
      "\\bresulted in\\b",
      "\\b(?:which|this|that|it) (?:reduced|increased|improved|cut|saved|led to|allowed|enabled|helped|meant|brought)\\b",
      "\\bwe (?:reduced|increased|improved|cut|saved|shipped|delivered|launched|achieved|hit|met|went from|managed to"
          + "|were able to|finished|won)\\b",
      "\\bsuccessful(?:ly)?\\b",
      "\\bon time\\b",
      "\\bended up\\b",
      "\\bturned (?:\\w+ ){1,12}into\\b",
      "\\bsetback\\b",
      "\\bit worked\\b",
      "\\bpaid off\\b",
      "\\bi (?:learned|learnt)\\b",
      "\\btaught me\\b",
      "\\bthe outcome\\b",
      "\\bthe results? (?:was|were)\\b",
      "\\bin the end\\b",
      "\\bultimately\\b",
      "\\bthe impact\\b",
      "\\bsince then\\b",
      "\\bby (?:\\d|half\\b|a third\\b|a quarter\\b|(?:two|three|four|five|ten) ?(?:times|x)\\b)",
      "\\bfrom \\d[\\d.,]*(?: \\w+)? to \\d",
      "\\b\\d+(?:\\.\\d+)?x (?:faster|more|fewer|less|cheaper|smaller|bigger)\\b");

  private static final Pattern PERCENT = Pattern.compile("\\d+(?:\\.\\d+)?\\s?(?:%|percent\\b)");

  /** Past forms that are states or thoughts, not something the candidate did. */
  private static final Set<String> STATES = Set.of(
      "was", "were", "had", "felt", "thought", "knew", "liked", "loved", "wanted", "hoped", "needed", "seemed",
      "believed", "wished", "enjoyed", "hated", "preferred", "worried", "cared", "guessed", "supposed", "tended",
      "appeared", "realized", "realised", "noticed", "observed", "saw", "heard", "learned", "learnt", "wondered",
      "expected", "struggled", "failed", "lacked", "owned", "meant", "got", "became", "faced");

  private static final Set<String> IRREGULAR_PAST = Set.of(
      "began", "brought", "built", "bought", "caught", "chose", "came", "cut", "dealt", "did", "drew", "drove",
      "fought", "found", "gave", "grew", "held", "kept", "laid", "led", "left", "made", "met", "paid", "put",
      "quit", "ran", "rebuilt", "rewrote", "said", "sent", "set", "shut", "sold", "spent", "spoke", "split",
      "stood", "taught", "told", "took", "threw", "understood", "undertook", "went", "won", "wrote", "overcame",
      "oversaw", "sought", "shook", "sat", "rang", "broke", "withdrew", "flew", "forgave", "hid", "let", "lit");

  /** Words that may stand between "I" and its verb: "I then", "I quickly", "I personally". */
  private static final Set<String> ADVERBS = Set.of(
      "then", "also", "first", "just", "still", "finally", "eventually", "soon", "later", "instead", "again",
      "always", "once", "immediately", "quickly", "personally", "actually", "initially", "ultimately", "really",
      "even", "alone", "myself");

  private StarDetector() {}

  static Star detect(String answer) {
    Transcript transcript = Transcript.of(answer);
    return detect(transcript, FillerWords.in(transcript));
  }

  static Star detect(Transcript transcript, FillerWords.Count fillers) {
    if (transcript.wordCount() == 0) {
      return Star.NONE;
    }
    List<Transcript.Sentence> sentences = transcript.sentences(fillers.at());
    int n = sentences.size();
    int contextEnd = Math.max(1, (int) Math.ceil(n * 2.0 / 3));
    int outcomeFrom = n == 1 ? 0 : 1;
    boolean situation = false;
    boolean task = false;
    boolean action = false;
    boolean result = false;
    for (int i = 0; i < n; i++) {
      Transcript.Sentence sentence = sentences.get(i);
      String words = sentence.words();
      situation |= i < contextEnd && (says(SITUATION, words) || AT_COMPANY.matcher(sentence.raw()).find());
      task |= says(TASK, words);
      action |= says(ACTION, words) || hasFirstPersonDeed(words);
      result |= i >= outcomeFrom && (says(RESULT, words) || PERCENT.matcher(sentence.raw()).find());
    }
    return new Star(situation, task, action, result);
  }

  /**
   * "I" (or "I've") with a past-tense verb after at most two adverbs: "I facilitated", "I then rewrote", "I've
   * built". "I kept hoping" and "I used to" are habits and wishes, not deeds.
   */
  static boolean hasFirstPersonDeed(String words) {
    String[] w = words.split(" ");
    for (int i = 0; i < w.length; i++) {
      if (!w[i].equals("i") && !w[i].equals("i've")) {
        continue;
      }
      int j = i + 1;
      while (j < w.length && j <= i + 2 && (ADVERBS.contains(w[j]) || w[j].endsWith("ly"))) {
        j++;
      }
      if (j >= w.length) {
        continue;
      }
      String verb = w[j];
      String next = j + 1 < w.length ? w[j + 1] : "";
      if (verb.equals("kept") && next.endsWith("ing") || verb.equals("used") && next.equals("to")) {
        continue;
      }
      if (isDeed(verb)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDeed(String verb) {
    if (STATES.contains(verb)) {
      return false;
    }
    return IRREGULAR_PAST.contains(verb) || verb.length() > 4 && verb.endsWith("ed") && !verb.endsWith("eed");
  }

  /**
   * One pattern for a list of cues, each of which starts a word (a \b, then a word character): the boundary is
   * checked once before the alternatives rather than once per alternative at every position, and {@link #says}
   * tries the pattern only where a word starts (measured: a quarter of the time of a plain {@code find}).
   */
  private static Pattern cues(String... regexes) {
    return Pattern.compile(Arrays.stream(regexes)
        .map(r -> {
          if (!r.startsWith(WORD_BOUNDARY)) {
            throw new IllegalArgumentException("a cue must start at a word boundary: " + r);
          }
          return "(?:" + r.substring(WORD_BOUNDARY.length()) + ")";
        })
        .collect(Collectors.joining("|", WORD_BOUNDARY + "(?:", ")")));
  }

  /**
   * Whether a cue matches anywhere in the words: the same answer as {@code cues.matcher(words).find()}, since a
   * cue (a boundary, then a word character) can only begin where a word does. Bounds are transparent so the
   * pattern's own boundary sees the character before and has the last word.
   */
  private static boolean says(Pattern cues, String words) {
    Matcher matcher = cues.matcher(words).useTransparentBounds(true);
    int length = words.length();
    for (int i = 0; i < length; i++) {
      if (isWordChar(words.charAt(i)) && (i == 0 || !isWordChar(words.charAt(i - 1)))) {
        matcher.region(i, length);
        if (matcher.lookingAt()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A character that \b counts as part of a word under every Java's reading (up to Java 18 letters and digits of any
   * script, from Java 19 only ASCII ones): a try begins after any other character, which may be more places than
   * needed but never fewer.
   */
  private static boolean isWordChar(char ch) {
    return ch == '_' || ch < 128 && Character.isLetterOrDigit(ch);
  }
}
