package dev.candor.ingest.resume;

import dev.candor.interview.Resume;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a projects section: name, description, technologies, duration. */
final class ResumeProjects {

  private static final Pattern TECH_LABEL = Pattern.compile(
      "(?i)^(?:technologies|technology|tech stack|tech|stack|tools|tools used|built with|languages|frameworks"
          + "|environment|skills used|technologies used)\\s*[:：]\\s*(.+)$");
  private static final Pattern DURATION_LABEL = Pattern.compile(
      "(?i)^(?:duration|date|dates|period|timeline|timeframe|time)\\s*[:：]\\s*(.+)$");
  /** A capitalised name of one or two words, dots only inside ("D3.js", "Firebase Auth", "C++"). */
  private static final String TECH = "(?:[A-Z][\\w+#/-]*(?:\\.[\\w+#/-]+)*(?:\\s[A-Z][\\w+#/-]*(?:\\.[\\w+#/-]+)*)?)";
  private static final Pattern USING = Pattern.compile(
      "(?:\\busing|\\bwith|\\bUtilized|\\butilizing|\\bleveraging|\\bLeveraged)\\s+"
          + "(" + TECH + "(?:(?:,\\s|,?\\sand\\s)" + TECH + "){0,8})");

  private ResumeProjects() {}

  static List<Resume.Project> parse(List<String> lines, int width) {
    List<Resume.Project> out = new ArrayList<>();
    for (ResumeEntries.Entry e : ResumeEntries.split(lines, width, head -> !ResumeFields.split(head).parts().isEmpty())) {
      List<String> parts = ResumeFields.split(e.head).parts();
      List<String> description = new ArrayList<>();
      List<String> technologies = new ArrayList<>();
      String duration = e.date == null ? null : e.date.text();
      String name = parts.isEmpty() ? null : parts.get(0);
      for (int i = 1; i < parts.size(); i++) {
        String p = parts.get(i);
        // "Creator & Maintainer" is a role, not part of the description
        if (ResumeText.words(p) <= 4 && ResumeFields.titleScore(p) > 0) {
          continue;
        }
        Matcher t = TECH_LABEL.matcher(p);
        if (t.matches()) {
          technologies.addAll(ResumeFields.commaPieces(t.group(1)));
        } else if (ResumeText.words(p) >= 4 || p.endsWith(".")) {
          description.add(p);
        }
      }
      List<String> bullets = new ArrayList<>();
      for (ResumeEntries.Item it : e.body) {
        String text = it.text();
        Matcher t = TECH_LABEL.matcher(text);
        Matcher d = DURATION_LABEL.matcher(text);
        if (t.matches()) {
          for (String tech : ResumeFields.commaPieces(t.group(1))) {
            String clean = ResumeText.trimPunct(tech);
            if (!clean.isEmpty()) {
              technologies.add(clean);
            }
          }
        } else if (d.matches()) {
          duration = d.group(1).strip();
        } else if (it.type() == ResumeEntries.Type.BULLET) {
          bullets.add(text);
        } else {
          description.add(text);
        }
      }
      if (name == null && description.isEmpty() && bullets.isEmpty()) {
        continue;
      }
      String desc = !description.isEmpty() ? String.join(" ", description)
          : bullets.isEmpty() ? null : String.join(" ", bullets);
      if (technologies.isEmpty() && desc != null) {
        technologies = mentioned(desc);
      }
      out.add(new Resume.Project(name, desc, technologies, duration));
    }
    return out;
  }

  /** Technologies named in prose: "using React, Redux, and Firebase" -> React, Redux, Firebase. */
  static List<String> mentioned(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = USING.matcher(text.length() > 4000 ? text.substring(0, 4000) : text);
    while (m.find()) {
      for (String piece : m.group(1).split(",\\s|,?\\sand\\s")) {
        String t = ResumeText.trimPunct(piece).replaceFirst("^and\\s+", "");
        if (t.endsWith(".") && !t.toLowerCase(Locale.ROOT).endsWith(".js")) {
          t = t.substring(0, t.length() - 1);
        }
        if (!t.isEmpty() && !Set.of("The", "A", "An", "This", "My", "Our").contains(t.split(" ")[0])) {
          out.add(t);
        }
      }
    }
    return new ArrayList<>(out);
  }
}
