package dev.candor.ingest.resume;

import dev.candor.interview.Resume;
import java.util.ArrayList;
import java.util.List;

/** Reads an experience section into jobs: company, position, dates as printed, description, bullets. */
final class ResumeExperience {

  private ResumeExperience() {}

  /**
   * A job as read; whether it is only an organisation's name (no title, nothing under it); whether its heading has a
   * place, or a place or dates.
   */
  private record Read(Resume.Experience job, boolean header, boolean hasPlace, boolean placed) {}

  static List<Resume.Experience> parse(List<String> lines, int width) {
    List<Read> out = new ArrayList<>();
    // LinkedIn's "Data Analyst at Tech in Asia" over "Assistant Engineer at China Telecom": two jobs, the first undated
    for (ResumeEntries.Entry e : ResumeEntries.split(lines, width, ResumeExperience::namesAJob,
        head -> head.size() == 1 && ResumeFields.isTitleAtCompany(head.get(0)))) {
      ResumeFields.Fields fields = ResumeFields.split(e.head);
      List<String> parts = fields.parts();
      if (parts.isEmpty() && e.date == null) {
        continue;
      }
      String position = null;
      String company = null;
      if (parts.size() == 1) {
        String only = parts.get(0);
        if (ResumeFields.titleScore(only) > ResumeFields.companyScore(only)) {
          position = only;
        } else {
          company = only;
        }
      } else if (parts.size() >= 2) {
        // with no title word anywhere, the layout decides: the employer is printed before the place ("Panini's Bar and
        // Grill, Cleveland, Ohio" / "Server"), else the title comes first ("Mental Health, Inpatient Unit, PRHC")
        boolean noTitleWord = parts.stream().allMatch(part -> ResumeFields.titleScore(part) == 0);
        int employer = noTitleWord && fields.beforePlace() >= 0 ? fields.beforePlace() : -1;
        int p = noTitleWord ? (employer == 0 ? 1 : 0) : best(parts, -1, true);
        position = parts.get(p);
        int c = employer >= 0 ? employer : best(parts, p, false);
        company = parts.get(c);
        if (c + 1 < parts.size() && c + 1 != p && ResumeFields.companyScore(parts.get(c + 1)) > 0
            && ResumeFields.titleScore(parts.get(c + 1)) == 0) {
          // a name with a comma in it: "University of California, Hastings College of the Law"
          company = company + ", " + parts.get(c + 1);
        }
      }
      List<String> bullets = e.texts(ResumeEntries.Type.BULLET);
      List<String> other = new ArrayList<>();
      for (ResumeEntries.Item it : e.body) {
        if (it.type() != ResumeEntries.Type.BULLET) {
          other.add(it.text());
        }
      }
      List<String> highlights = new ArrayList<>(bullets);
      String description;
      if (!bullets.isEmpty()) {
        description = other.isEmpty() ? bullets.get(0) : String.join(" ", other);
      } else if (other.size() >= 2 && other.stream().noneMatch(s -> s.endsWith("."))) {
        // a list whose bullet glyphs were lost in extraction: one line, one highlight
        highlights.addAll(other);
        description = other.get(0);
      } else {
        description = other.isEmpty() ? null : String.join(" ", other);
      }
      Resume.Experience job = new Resume.Experience(company, position,
          e.date == null ? null : e.date.start(),
          e.date == null ? null : e.date.end(),
          e.date == null ? null : e.date.text(),
          description, highlights);
      // an employer on a line of its own ("County of Orange, Santa Ana, CA  11/06-present"), not a job whose title is no
      // title word ("Bartender, The Blue Door, Austin, TX  2015 – 2017")
      boolean header = e.body.isEmpty() && !parts.isEmpty() && parts.stream().allMatch(part -> ResumeFields.titleScore(part) == 0)
          && ResumeFields.split(List.of(e.head.get(0))).parts().size() == 1;
      out.add(new Read(job, header, e.location != null, e.date != null || e.location != null));
    }
    return regrouped(lines, underTheirEmployer(out));
  }

  /**
   * Heading lines that name a whole job: two parts or more, one of them a title ("Dasmarinas, Cavite, 2008 to 2010" under
   * "Private Duty nurse" names a place, not a job).
   */
  private static boolean namesAJob(List<String> head) {
    List<String> parts = ResumeFields.split(head).parts();
    return parts.size() >= 2 && parts.stream().anyMatch(part -> ResumeFields.titleScore(part) > 0);
  }

  /**
   * An employer printed once above the roles held there ("County of Orange, Santa Ana, CA  11/06-present" / "OC Health Care
   * Agency" / "Software Engineer/Programmer (02/08-present)"): the roles below it that name no company take its name, and
   * the heading itself is no job; a department printed between them without a place keeps the employer's name, and the
   * first role that names a company and a place of its own ends the group.
   */
  private static List<Resume.Experience> underTheirEmployer(List<Read> reads) {
    List<Resume.Experience> out = new ArrayList<>();
    String employer = null;
    for (int i = 0; i < reads.size(); i++) {
      Read read = reads.get(i);
      Resume.Experience job = read.job();
      if (read.header()) {
        Read role = reads.stream().skip(i + 1L).filter(r -> !r.header()).findFirst().orElse(null);
        if (role != null && role.job().company() == null) {
          if (read.placed() || employer == null) {
            employer = job.company() != null ? job.company() : job.position();
          }
          continue;
        }
        employer = null;
        out.add(job);
        continue;
      }
      if (employer != null && (job.company() == null || !read.hasPlace())) {
        // a role with no company, or with a department but no place of its own ("OC Waste & Recycling" / "Software
        // Architect"), is held at the employer above
        job = new Resume.Experience(employer, job.position(), job.startDate(), job.endDate(), job.duration(),
            job.description(), job.highlights());
      } else if (job.company() != null) {
        employer = null;
      }
      out.add(job);
    }
    return out;
  }

  /**
   * LinkedIn prints a company once, with the time spent there under it ("Gladstone Institutes / 3 years 1 month"), above
   * the several roles held there; those roles, read alone, have no company or take the place printed under the role
   * before them. Each takes the company of its group, until a role names a company of its own.
   */
  private static List<Resume.Experience> regrouped(List<String> lines, List<Resume.Experience> jobs) {
    List<Integer> groupStarts = new ArrayList<>();
    for (int i = 0; i + 1 < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty() && DateRanges.find(line) == null && DateRanges.isLength(lines.get(i + 1))) {
        groupStarts.add(i);
      }
    }
    if (groupStarts.isEmpty()) {
      return jobs;
    }
    List<Resume.Experience> out = new ArrayList<>();
    String group = null;
    int searchFrom = 0;
    int nextGroup = 0;
    for (Resume.Experience job : jobs) {
      int at = job.position() == null ? -1 : indexOf(lines, job.position(), searchFrom);
      if (at >= 0) {
        searchFrom = at + 1;
        while (nextGroup < groupStarts.size() && groupStarts.get(nextGroup) < at) {
          group = lines.get(groupStarts.get(nextGroup++)).strip();
        }
      }
      String company = job.company();
      boolean ownCompany = company != null && !company.equals(group) && !ContactExtractor.isLocation(company)
          && !isPlaceOf(company, lines);
      if (ownCompany) {
        group = null;
      }
      if (group != null && !ownCompany) {
        job = new Resume.Experience(group, job.position(), job.startDate(), job.endDate(), job.duration(),
            job.description(), job.highlights());
      }
      out.add(job);
    }
    return out;
  }

  /** A company read from a place line ("San Francisco, California, United States" taken for "San Francisco"). */
  private static boolean isPlaceOf(String company, List<String> lines) {
    for (String line : lines) {
      String l = line.strip();
      if (l.startsWith(company + ",") && ContactExtractor.isLocation(l)) {
        return true;
      }
    }
    return false;
  }

  private static int indexOf(List<String> lines, String text, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(text)) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the part most like a job title (or, with title false, a company), skipping one. */
  private static int best(List<String> parts, int skip, boolean title) {
    int best = -1;
    int bestScore = Integer.MIN_VALUE;
    for (int i = 0; i < parts.size(); i++) {
      if (i == skip) {
        continue;
      }
      int t = ResumeFields.titleScore(parts.get(i));
      int c = ResumeFields.companyScore(parts.get(i));
      // "Palliative Care Unit" names a part of the employer printed beside it, not the employer
      int score = title ? t - c : c - t - (ResumeFields.isPartOfOrganisation(parts.get(i)) ? 3 : 0);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    return best;
  }
}
