package dev.candor.ingest;

/** What resume and job parsing both do to text from documents and pages. */
public final class Whitespace {

  private Whitespace() {}

  /**
   * Runs of whitespace (non-breaking and narrow spaces included) become one space, zero-width characters and
   * soft hyphens go, and the ends are trimmed. Null stays null.
   */
  public static String collapse(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\ufeff' || c == '\u00ad') {
        continue;
      }
      if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u2007' || c == '\u202f') {
        space = true;
      } else {
        if (space && sb.length() > 0) {
          sb.append(' ');
        }
        space = false;
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
