package dev.candor.interview;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer split into word tokens (runs of letters and digits, with inner apostrophes so "don't" is
 * one word) that remember the punctuation around them. Whether "like" or "so" is a filler depends
 * on that punctuation: "I was, like, nervous" versus "I like Java".
 */
final class Transcript {

  /**
   * @param lower the word in lowercase, with typographic apostrophes made plain
   * @param sentenceStart first word of the text or of a sentence
   * @param pauseBefore a comma, dash, colon or sentence break precedes the word
   * @param pauseAfter a comma, dash, colon, sentence break or the end of the text follows the word
   */
  record Token(String lower, int start, int end, boolean sentenceStart, boolean pauseBefore, boolean pauseAfter) {}

  /** Numbers keep their decimal point or thousands separator ("3.5", "1,000", "100k"). */
  private static final Pattern WORD =
      Pattern.compile("\\p{N}+(?:[.,]\\p{N}+)*\\p{L}*|[\\p{L}\\p{N}]+(?:['’][\\p{L}\\p{N}]+)*");

  private final String text;
  private final List<Token> tokens;

  private Transcript(String text, List<Token> tokens) {
    this.text = text;
    this.tokens = tokens;
  }

  static Transcript of(String answer) {
    String text = answer == null ? "" : answer;
    List<int[]> spans = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    List<Token> tokens = new ArrayList<>(spans.size());
    for (int i = 0; i < spans.size(); i++) {
      int start = spans.get(i)[0];
      int end = spans.get(i)[1];
      String before = text.substring(i == 0 ? 0 : spans.get(i - 1)[1], start);
      String after = text.substring(end, i + 1 < spans.size() ? spans.get(i + 1)[0] : text.length());
      boolean sentenceStart = i == 0 || endsSentence(before);
      tokens.add(new Token(
          text.substring(start, end).toLowerCase(Locale.ROOT).replace('’', '\''),
          start,
          end,
          sentenceStart,
          sentenceStart || isPause(before),
          i + 1 == spans.size() || isPause(after) || endsSentence(after)));
    }
    return new Transcript(text, List.copyOf(tokens));
  }

  String text() {
    return text;
  }

  List<Token> tokens() {
    return tokens;
  }

  int wordCount() {
    return tokens.size();
  }

  /** The lowercase word at an index, or "" outside the transcript, so callers can look around freely. */
  String word(int index) {
    return index >= 0 && index < tokens.size() ? tokens.get(index).lower() : "";
  }

  /**
   * One sentence of the answer: its words in lowercase joined by single spaces, without the skipped tokens
   * (fillers), so that cue phrases match across "I was, like, in charge"; and its original text.
   */
  record Sentence(String words, String raw) {}

  /** The sentences of the answer, in order, leaving out the tokens set in {@code skip}. */
  List<Sentence> sentences(BitSet skip) {
    List<Sentence> out = new ArrayList<>();
    StringBuilder words = new StringBuilder();
    int rawStart = -1;
    int rawEnd = -1;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.sentenceStart() && rawStart >= 0) {
        out.add(new Sentence(words.toString(), text.substring(rawStart, rawEnd)));
        words.setLength(0);
        rawStart = -1;
      }
      if (rawStart < 0) {
        rawStart = token.start();
      }
      rawEnd = i + 1 < tokens.size() ? tokens.get(i + 1).start() : text.length();
      if (!skip.get(i)) {
        if (words.length() > 0) {
          words.append(' ');
        }
        words.append(token.lower());
      }
    }
    if (rawStart >= 0) {
      out.add(new Sentence(words.toString(), text.substring(rawStart, rawEnd)));
    }
    return out;
  }

  private static boolean endsSentence(String gap) {
    return gap.indexOf('.') >= 0 || gap.indexOf('!') >= 0 || gap.indexOf('?') >= 0 || gap.indexOf('\n') >= 0;
  }

  private static boolean isPause(String gap) {
    for (char ch : gap.toCharArray()) {
      if (ch == ',' || ch == ';' || ch == ':' || ch == '…' || ch == '—' || ch == '–' || ch == '(' || ch == ')') {
        return true;
      }
    }
    // A hyphen joins words ("e-commerce"); only a spaced one (" - ") is a spoken pause.
    return gap.contains(" -") || gap.contains("- ");
  }
}
