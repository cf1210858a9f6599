package dev.candor.interview;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides which STAR parts an answer covers from cue phrases. Cues are deliberately phrases people
 * actually say when telling a story, not single words: "team" alone says nothing about the
 * situation, "our team had" does.
 *
 * <p>Situation cues: "when I was", "at my previous/last/current/old/first job|company|role|team",
 * "in my previous/last/current/former/first role|job|position|team", "we were", "our team had/was",
 * "the project was", "the problem was", "back in 2019", "in (early|late) 2021", "two years ago", "last
 * year/quarter", "there was a time", "I was working on/as/at", "I worked at/on/as", "at &lt;Company&gt;"
 * (a capitalised name after "at").
 *
 * <p>Task cues: "my goal/task/job/responsibility/role/objective/mission was|is", "our goal/task was",
 * "the goal/task/objective/challenge was", "I was asked/tasked/responsible/assigned/expected/hired",
 * "I was in charge of", "I needed to", "I had to", "we had to", "we needed to", "I wanted to", "we
 * wanted to", "I set out to".
 *
 * <p>Action cues: "I" (optionally "then", "first", "personally" ...) followed by an action verb such as
 * decided, built, implemented, designed, led, wrote, set up, migrated, automated, profiled, reached
 * out, created, refactored, investigated, debugged, fixed, measured, proposed, organised, mentored;
 * also "first, I", "then I", "next, I", "after that, I", "I started by", "my approach was", "what I
 * did was", "I made sure".
 *
 * <p>Result cues: "as a result", "resulted in", "which/this/that/it reduced/increased/improved/cut/
 * saved/led to", "we reduced/increased/improved/cut/saved/shipped/delivered/launched/achieved", "the
 * outcome", "the result(s) was/were", "in the end", "ultimately", "the impact", a percentage ("40%",
 * "40 percent"), "by N" or "by half", "from N to M", "3x faster".
 */
final class StarDetector {

  private static final Pattern SITUATION = cues(
      "\\bwhen i was\\b",
      "\\bat my (?:previous|last|current|old|first|former) (?:job|company|role|employer|team|position|workplace)\\b",
      "\\bin my (?:previous|last|current|former|first|old) (?:role|job|position|team|company)\\b",
      "\\bwe were\\b",
      "\\bour team (?:had|was)\\b",
      "\\bthe (?:project|problem|situation|context|issue) was\\b",
      "\\b(?:back )?in (?:early |late |mid-?)?(?:19|20)\\d{2}\\b",
      "\\b(?:\\w+ )?(?:years?|months?|weeks?) ago\\b",
      "\\blast (?:year|quarter|month|summer|winter|spring|autumn|fall)\\b",
      "\\bthere was a time\\b",
      "\\bi was working (?:on|as|at|with)\\b",
      "\\bi worked (?:at|on|as)\\b");

  /** "at Tech Corp": a capitalised name after "at"; case matters, so it is its own pattern. */
  private static final Pattern AT_COMPANY = Pattern.compile("(?<![\\p{L}])[Aa]t\\s+(?!I\\b)\\p{Lu}[\\p{L}\\p{N}&.-]*");

  private static final Pattern TASK = cues(
      "\\bmy (?:goal|task|job|responsibility|role|objective|mission|assignment) (?:was|is)\\b",
      "\\bour (?:goal|task|objective|mission) was\\b",
      "\\bthe (?:goal|task|objective|challenge|ask) was\\b",
      "\\bi was (?:asked|tasked|responsible|assigned|expected|hired|brought in|in charge)\\b",
      "\\b(?:i|we) (?:needed|had|wanted) to\\b",
      "\\bi set out to\\b",
      "\\bi was supposed to\\b");

  private static final Pattern ACTION = cues(
      "\\bi(?:'ve)? (?:then |also |first |quickly |personally |eventually |immediately )?"
          + "(?:decided|built|implemented|designed|led|wrote|set up|migrated|automated|profiled|reached out|created"
          + "|developed|introduced|refactored|proposed|organi[sz]ed|analy[sz]ed|investigated|debugged|added"
          + "|changed|rewrote|configured|deployed|tested|talked|met|scheduled|coordinated|negotiated|spoke"
          + "|mentored|coached|drove|ran|split|moved|replaced|optimi[sz]ed|fixed|reviewed|documented|trained"
          + "|researched|prototyped|worked with|took|gathered|identified|traced|measured|instrumented|convinced"
          + "|pitched|paired|broke|shipped|launched|rolled out|reproduced|dug into|asked|suggested|presented"
          + "|escalated|facilitated|delegated|planned|prioriti[sz]ed|rebuilt|simplified|removed|cached)\\b",
      "\\bfirst,? i\\b",
      "\\bthen,? i\\b",
      "\\bnext,? i\\b",
      "\\bafter that,? i\\b",
      "\\bi started by\\b",
      "\\bmy approach was\\b",
      "\\bwhat i did was\\b",
      "\\bi made sure\\b");

  private static final Pattern RESULT = cues(
      "\\bas a result\\b",
      "\\bresulted in\\b",
      "\\b(?:which|this|that|it) (?:reduced|increased|improved|cut|saved|led to|allowed|enabled|helped|meant|brought)\\b",
      "\\bwe (?:reduced|increased|improved|cut|saved|shipped|delivered|launched|achieved|hit|met|went from|managed to)\\b",
      "\\bthe outcome\\b",
      "\\bthe results? (?:was|were)\\b",
      "\\bin the end\\b",
      "\\bultimately\\b",
      "\\bthe impact\\b",
      "\\d+(?:\\.\\d+)?\\s?(?:%|percent\\b)",
      "\\bby (?:\\d|half\\b|a third\\b|a quarter\\b|(?:two|three|four|five|ten) ?(?:times|x)\\b)",
      "\\bfrom \\$?\\d[\\d.,]*\\s*\\w* to \\$?\\d",
      "\\b\\d+(?:\\.\\d+)?x (?:faster|more|fewer|less|cheaper|smaller|bigger)\\b");

  private StarDetector() {}

  static Star detect(String answer) {
    if (Phrases.isBlank(answer)) {
      return Star.NONE;
    }
    String text = answer.replace('’', '\'');
    // The cues are written in lower case: matching them against the lower-cased text once is much cheaper
    // than case-insensitive matching, which folds every character at every position tried.
    String lower = text.toLowerCase(Locale.ROOT);
    return new Star(
        SITUATION.matcher(lower).find() || AT_COMPANY.matcher(text).find(),
        TASK.matcher(lower).find(),
        ACTION.matcher(lower).find(),
        RESULT.matcher(lower).find());
  }

  /** One pattern for a list of cues, so that the text is scanned once per STAR part, not once per cue. */
  private static Pattern cues(String... regexes) {
    return Pattern.compile(Arrays.stream(regexes).map(r -> "(?:" + r + ")").collect(Collectors.joining("|")));
  }
}
