package dev.candor.ingest.resume;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Cuts a section (experience, education, projects) into entries. Each entry has heading lines (title,
 * company, dates, location: in any order, on one line or several), bullet lines and prose lines.
 *
 * <p>Two layouts are recognised. In the common one an entry's dates are in or just after its heading
 * ("Title / Company / 2020 - Present / • ..."), so a new entry starts at heading lines that lead to a
 * date. In the other (RenderCV and similar), dates and location are printed after the bullets, so a
 * new entry starts at any heading line that follows a body.
 */
final class ResumeEntries {

  /** No real entry heading has more lines than this; the cap keeps hostile input from making the scan quadratic. */
  static final int MAX_HEAD_LINES = 8;
  /** Wrapped lines are joined up to this length, for the same reason. */
  static final int MAX_JOINED = 2_000;

  enum Type { HEAD, DATE, BULLET, PROSE, LABEL, BLANK }

  /** One logical line: a bullet with its wrapped continuation lines joined, a heading line, prose. */
  record Item(Type type, String text, DateRanges.Found date) {}

  static final class Entry {
    final List<String> head = new ArrayList<>();
    /** Bullets, prose, "Label: value" lines and short plain lines, in printed order. */
    final List<Item> body = new ArrayList<>();
    DateRanges.Found date;
    String location;
    boolean closed;

    boolean hasBody() {
      return !body.isEmpty();
    }

    boolean hasFields() {
      return !ResumeFields.split(head).parts().isEmpty();
    }

    List<String> texts(Type type) {
      List<String> out = new ArrayList<>();
      for (Item it : body) {
        if (it.type() == type) {
          out.add(it.text());
        }
      }
      return out;
    }
  }

  private static final Pattern LABEL = Pattern.compile("^[\\p{L}][\\p{L} /&().-]{1,30}:\\s*\\S.*");
  /** Hyperlink targets some extractors append after the text ("tel:...", "https://..."). */
  private static final Pattern LINK_ONLY = Pattern.compile("(?i)^(?:tel:|mailto:|https?://|www\\.)\\S{0,300}$");
  private static final Pattern ABBREVIATION_END = Pattern.compile(
      "(?i:\\b(?:inc|ltd|co|corp|llc|plc|jr|sr|st|dept|univ|assn|bros|pvt|pte|no|vs|etc))\\.$|\\b\\p{Lu}\\.$");
  private static final Pattern CONNECTOR_END = Pattern.compile(
      "(?i).*(?:,|;|\\band|\\bor|\\bof|\\bthe|\\bto|\\bin|\\bwith|\\bfor|\\bby|\\bat|\\bon|\\ba|\\ban|&)$");

  private ResumeEntries() {}

  /**
   * @param lines the section's lines ("" for blank lines)
   * @param width the length of the document's longest lines (to tell wrapped lines), 0 if unknown
   * @param complete whether some heading lines (with the date line) already name a whole entry
   */
  static List<Entry> split(List<String> lines, int width, Predicate<List<String>> complete) {
    return split(lines, width, complete, head -> false);
  }

  /**
   * @param whole whether heading lines name a whole entry even without dates (a school and a degree): two such lines
   *     in a row are two entries
   */
  static List<Entry> split(List<String> lines, int width, Predicate<List<String>> complete, Predicate<List<String>> whole) {
    List<Item> items = new ArrayList<>();
    for (Item it : items(lines, width)) {
      // a long line or a bullet that names a whole entry is its heading, not text under it
      boolean heading = (it.type == Type.PROSE || it.type == Type.BULLET) && !it.text.endsWith(".") && whole.test(List.of(it.text));
      DateRanges.Found date = heading ? DateRanges.find(it.text) : null;
      items.add(heading ? new Item(date == null ? Type.HEAD : Type.DATE, it.text, date) : it);
    }
    int firstDate = -1;
    int firstBody = -1;
    int firstHead = -1;
    for (int i = 0; i < items.size(); i++) {
      Type t = items.get(i).type;
      if (t == Type.DATE && firstDate < 0) {
        firstDate = i;
      }
      if ((t == Type.BULLET || t == Type.PROSE) && firstBody < 0) {
        firstBody = i;
      }
      if (t == Type.HEAD && firstHead < 0) {
        firstHead = i;
      }
    }
    boolean trailing = firstDate < 0
        || (firstBody >= 0 && firstBody < firstDate && firstHead >= 0 && firstHead < firstBody);

    List<Entry> out = new ArrayList<>();
    Entry cur = null;
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      switch (it.type) {
        case BLANK -> {
        }
        case BULLET, PROSE, LABEL -> {
          if (cur == null) {
            cur = new Entry();
            out.add(cur);
          }
          cur.body.add(it);
        }
        case HEAD, DATE -> {
          ResumeFields.Fields f = ResumeFields.split(List.of(it.text));
          boolean fieldless = f.parts().isEmpty();
          if (fieldless) {
            // a date, a location or a length on its own line
            if (cur == null || (it.date != null && cur.date != null && (cur.hasBody() || cur.closed))
                || (!trailing && it.date != null && cur.date != null)) {
              cur = new Entry();
              out.add(cur);
            }
            if (it.date != null && cur.date == null) {
              cur.date = it.date;
              cur.closed = cur.hasFields();
            }
            if (f.location() != null && cur.location == null) {
              cur.location = f.location();
            }
            if (it.date != null || f.location() != null) {
              cur.head.add(it.text);
            }
            continue;
          }
          boolean start;
          // "Golden Acres Hospital" / "Sept. 1, 2010 to Feb. 7, 2011" / "Staff Nurse": a title after the date completes a
          // heading that named only the employer (LinkedIn's "Title" / dates / "Next Company" does not: no title there)
          boolean completesHead = cur != null && cur.closed && !cur.hasBody() && it.date == null && !complete.test(cur.head)
              && ResumeFields.split(List.of(it.text)).parts().size() == 1 && ResumeFields.titleScore(it.text) > 0
              && cur.head.stream().allMatch(line -> ResumeFields.titleScore(line) == 0);
          if (cur == null) {
            start = true;
          } else if (completesHead) {
            start = false;
          } else if (!cur.hasBody() && !cur.closed) {
            // more heading lines, unless the dated heading so far already names a whole entry
            // a second dated heading line is the next entry ("Software Engineer (02/08-present)" under "County of
            // Orange  11/06-present")
            start = cur.head.size() >= MAX_HEAD_LINES || !trailing && cur.date != null && complete.test(cur.head)
                || !trailing && cur.date != null && it.date != null
                || cur.date == null && it.date == null && whole.test(cur.head) && whole.test(List.of(it.text));
          } else if (trailing) {
            start = true;
          } else {
            // after a blank line, an employer with its place and no title ("Tufts Medical Center – Boston, MA") heads the
            // next job even when the dated line below it names a title and a unit
            boolean employerAfterBreak = i > 0 && items.get(i - 1).type == Type.BLANK && f.location() != null
                && ResumeFields.titleScore(it.text) == 0;
            start = it.date != null || employerAfterBreak || leadsToDate(items, i, complete);
          }
          if (start) {
            cur = new Entry();
            out.add(cur);
          } else if ((cur.hasBody() || cur.closed) && !completesHead) {
            // a short body line of a list whose bullet glyphs were lost
            cur.body.add(it);
            continue;
          }
          cur.head.add(it.text);
          if (it.date != null && cur.date == null) {
            cur.date = it.date;
          }
          if (f.location() != null && cur.location == null) {
            cur.location = f.location();
          }
        }
        default -> {
        }
      }
    }
    return out;
  }

  /** Whether the heading item at i is followed, through at most two more heading lines, by a date. */
  private static boolean leadsToDate(List<Item> items, int i, Predicate<List<String>> complete) {
    List<String> following = new ArrayList<>();
    for (int j = i + 1; j < items.size() && j <= i + 3; j++) {
      Item it = items.get(j);
      if (it.type == Type.BLANK) {
        continue;
      }
      if (it.type == Type.DATE) {
        following.add(it.text);
        // the date's own heading lines may already make up the entry without line i
        return !complete.test(following);
      }
      if (it.type != Type.HEAD) {
        return false;
      }
      following.add(it.text);
    }
    return false;
  }

  /** Classifies lines, joining wrapped continuation lines onto the bullet or sentence they continue. */
  static List<Item> items(List<String> lines, int width) {
    List<Item> out = new ArrayList<>();
    String prevPhysical = "";
    boolean wrapMode = width >= 50 && width <= 140;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty() || LINK_ONLY.matcher(line).matches()) {
        out.add(new Item(Type.BLANK, "", null));
        prevPhysical = "";
        continue;
      }
      if (ResumeText.isBullet(line)) {
        out.add(new Item(Type.BULLET, ResumeText.stripBullet(line), null));
        prevPhysical = line;
        continue;
      }
      Item last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.type != Type.BLANK && last.text.length() + line.length() <= MAX_JOINED
          && continues(last, prevPhysical, line, next(lines, i), width, wrapMode)) {
        String joined = ResumeText.join(last.text, line);
        out.set(out.size() - 1, last.type == Type.BULLET ? new Item(Type.BULLET, joined, null) : classify(joined));
        prevPhysical = line;
        continue;
      }
      out.add(classify(line));
      prevPhysical = line;
    }
    return out;
  }

  private static String next(List<String> lines, int i) {
    return i + 1 < lines.size() ? lines.get(i + 1) : "";
  }

  private static boolean continues(Item last, String prevPhysical, String line, String nextLine, int width,
      boolean wrapMode) {
    if (last.type == Type.DATE && last.date != null && last.text.strip().equals(last.date.text())) {
      return false;
    }
    boolean dated = DateRanges.find(line) != null && (DateRanges.range(line) != null || line.length() < 40);
    if (dated || (ContactExtractor.isLocation(line) && last.type != Type.DATE) || DateRanges.isLength(line) || LABEL.matcher(line).matches()
        && last.type != Type.BULLET) {
      return false;
    }
    char c = line.charAt(0);
    if (Character.isLowerCase(c)) {
      return true;
    }
    String prev = prevPhysical.strip();
    if (prev.isEmpty()) {
      return false;
    }
    boolean bodyLike = last.type == Type.BULLET || last.type == Type.PROSE;
    if (Character.isDigit(c) && bodyLike && !DateRanges.startsWithDate(line)) {
      return true;
    }
    if (prev.endsWith("-") && prev.length() > 1 && Character.isLetter(prev.charAt(prev.length() - 2))) {
      return true;
    }
    if (bodyLike && CONNECTOR_END.matcher(prev).matches()) {
      return true;
    }
    if (!wrapMode || headingFollows(nextLine)) {
      return false;
    }
    if (last.type == Type.BULLET) {
      return prev.length() >= width * 0.7;
    }
    // a long heading line wrapped ("... Indian Institute of Technology" / "Delhi, New Delhi, India")
    return last.type == Type.DATE && prev.length() >= width * 0.85 && !prev.endsWith(".")
        && ResumeFields.titleScore(line) == 0 && ResumeFields.companyScore(line) == 0;
  }

  /** The line after a candidate continuation is a date: the candidate heads the next entry. */
  private static boolean headingFollows(String nextLine) {
    return !nextLine.isEmpty() && !ResumeText.isBullet(nextLine) && DateRanges.find(nextLine) != null
        && nextLine.length() < 80;
  }

  static Item classify(String line) {
    String t = line.strip();
    int words = ResumeText.words(t);
    DateRanges.Found d = t.length() < 160 ? DateRanges.find(t) : null;
    if (d != null) {
      String rest = (t.substring(0, d.from()) + " " + t.substring(d.to())).strip();
      boolean sentence = rest.endsWith(".") && ResumeText.words(rest) > 6;
      String before = ResumeText.trimPunct(t.substring(0, d.from()));
      String after = ResumeText.trimPunct(t.substring(d.to()));
      boolean atEdge = before.isEmpty() || after.isEmpty();
      int restWords = ResumeText.words(rest.replaceAll("[|•·]", " "));
      if (!sentence && (d.isRange() || restWords <= 8 || atEdge && restWords <= 14)) {
        return new Item(Type.DATE, t, d);
      }
    }
    if (LABEL.matcher(t).matches() && t.indexOf(':') < 32) {
      return new Item(Type.LABEL, t, null);
    }
    // "QIS College of Engineering, Andhra Pradesh, India.": a full stop after a place does not make a sentence
    // "Supported the service desk.": a short sentence is still one, "Acme Holdings, Inc." is no sentence
    boolean sentence = t.endsWith(".") && words >= 3 && !ABBREVIATION_END.matcher(t).find()
        && !ContactExtractor.endsWithPlaceAndStop(t);
    if (words >= 10 || sentence || t.length() > 90) {
      return new Item(Type.PROSE, t, null);
    }
    return new Item(Type.HEAD, t, null);
  }
}
