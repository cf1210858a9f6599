package dev.candor.ingest.resume;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cuts resume lines into sections at their headings. A heading is a short line whose words, in any
 * casing and with decoration (":", "#", letter-spacing "E X P E R I E N C E") removed, name a known
 * section: "Work History", "Professional Experience", "EMPLOYMENT", "Technical Skills"... A heading
 * followed by content on the same line ("Skills: Java, Go") opens the section with that content.
 * Lines before the first heading form the {@link Kind#HEADER} section.
 */
final class SectionSplitter {

  enum Kind { HEADER, CONTACT, SUMMARY, EXPERIENCE, EDUCATION, SKILLS, PROJECTS, CERTIFICATIONS, OTHER }

  record Section(Kind kind, String heading, List<String> lines) {}

  private static final Map<String, Kind> HEADINGS = new HashMap<>();
  /** The known headings with their spaces taken out, for headings an OCR layer split inside a word. */
  private static final Map<String, Kind> UNSPACED = new HashMap<>();
  /** Headings that may carry their content after a colon on the same line. */
  private static final Map<String, Kind> INLINE = new HashMap<>();

  static {
    put(Kind.SUMMARY, "summary", "professional summary", "career summary", "executive summary", "profile",
        "professional profile", "career profile", "personal profile", "about", "about me", "objective",
        "career objective", "professional objective", "job objective", "overview", "professional overview",
        "personal statement", "introduction", "summary of qualifications", "qualifications summary",
        "profile summary", "career overview", "highlights", "professional highlights", "bio");
    put(Kind.EXPERIENCE, "experience", "experiences", "work experience", "professional experience",
        "employment", "employment history", "work history", "career history", "relevant experience",
        "professional background", "work background", "employment experience", "experience history",
        "relevant work experience", "industry experience", "internships", "internship",
        "internship experience", "research experience", "teaching experience", "professional history",
        "positions held", "career", "career experience", "work", "job history", "military experience",
        "professional employment", "experience and employment", "work and experience", "other work experience",
        "other experience", "additional experience", "clinical experience", "clinical placements", "placements",
        "clinical rotations", "practicum", "practicum experience", "leadership experience", "academic positions",
        "academic appointments", "academic experience", "appointments", "professional appointments", "positions",
        "employment and positions");
    put(Kind.EDUCATION, "education", "educational background", "education background", "academic background",
        "academic history", "academics", "academic qualifications", "educational qualifications",
        "education and training", "education training", "qualifications", "academic profile", "schooling",
        "studies", "academic credentials", "education history", "degrees", "educational attainment");
    put(Kind.SKILLS, "skills", "skill", "top skills", "technical skills", "key skills", "core skills", "core competencies",
        "competencies", "areas of expertise", "expertise", "technical expertise", "technologies", "tech stack",
        "technical proficiencies", "proficiencies", "skills and tools", "tools and technologies",
        "skill set", "skillset", "skills summary", "summary of skills", "professional skills", "hard skills",
        "soft skills", "additional skills", "relevant skills", "it skills", "computer skills",
        "technical competencies", "skills and abilities", "skills and expertise", "skills and interests",
        "skills and competencies", "key competencies", "strengths", "capabilities", "toolbox",
        "technical summary", "programming skills",
        "summary of technical experience", "technical skills summary", "summary of technical skills");
    put(Kind.PROJECTS, "projects", "project", "personal projects", "selected projects", "key projects",
        "academic projects", "side projects", "notable projects", "relevant projects", "project experience",
        "open source", "open source projects", "open source contributions", "technical projects",
        "projects and achievements", "portfolio", "project highlights", "independent projects");
    put(Kind.CERTIFICATIONS, "certifications", "certification", "certificates", "certificate", "licenses",
        "licences", "licenses and certifications", "licences and certifications", "certifications and licenses",
        "certifications and licences", "professional certifications", "credentials", "accreditations",
        "courses and certifications", "certifications and courses", "certifications and training",
        "training and certifications", "certifications and awards", "licensure", "professional licenses");
    put(Kind.CONTACT, "contact", "contact information", "contact info", "contact details", "personal information",
        "personal details", "personal info", "personal particulars", "links", "profiles", "social", "online presence", "find me");
    put(Kind.OTHER, "awards", "honors", "honours", "awards and honors", "honors and awards", "selected honors",
        "achievements", "accomplishments", "key achievements", "publications", "selected publications",
        "patents", "languages", "spoken languages", "language skills", "interests", "hobbies",
        "hobbies and interests", "interests and hobbies", "references", "referees", "volunteer", "volunteering",
        "volunteer experience", "volunteer work", "community service", "activities", "extracurricular activities",
        "extracurriculars", "leadership", "leadership and activities", "memberships",
        "affiliations", "professional affiliations", "professional memberships", "invited talks", "talks",
        "presentations", "conferences", "additional information", "additional", "other", "miscellaneous",
        "coursework", "relevant coursework", "courses", "training", "workshops", "research", "teaching",
        "declaration", "scholarships", "fellowships", "grants", "service", "press", "media", "national service",
        "military service", "seminars", "seminars and trainings", "seminars and trainings attended", "trainings attended");
    putEuropean();
    for (String inline : List.of("summary", "professional summary", "profile", "objective", "career objective",
        "skills", "technical skills", "key skills", "core competencies", "certifications", "certificates",
        "licenses and certifications", "education", "experience", "work experience", "projects", "interests",
        "hobbies", "awards", "honors", "publications", "references", "achievements")) {
      INLINE.put(inline, HEADINGS.get(inline));
    }
  }

  /** The usual headings of French, Spanish, Portuguese, German and Italian CVs. */
  private static void putEuropean() {
    put(Kind.SUMMARY, "profil", "profil professionnel", "résumé", "perfil", "perfil profesional", "perfil profissional",
        "resumo", "resumen", "kurzprofil", "profilo", "profilo professionale", "sobre mí", "à propos");
    put(Kind.EXPERIENCE, "expérience professionnelle", "expériences professionnelles", "expérience", "expériences",
        "experiencia", "experiencia laboral", "experiencia profesional", "experiência", "experiência profissional",
        "berufserfahrung", "berufliche erfahrung", "beruflicher werdegang", "esperienza", "esperienze lavorative",
        "esperienza professionale", "esperienza lavorativa");
    put(Kind.EDUCATION, "formation", "formations", "formación", "formación académica", "educación", "formação",
        "formação académica", "formação acadêmica", "ausbildung", "bildung", "studium", "istruzione", "formazione",
        "istruzione e formazione");
    put(Kind.SKILLS, "compétences", "compétences techniques", "habilidades", "competencias", "competências",
        "conocimientos", "kenntnisse", "fähigkeiten", "fachkenntnisse", "competenze", "competenze tecniche");
    put(Kind.PROJECTS, "projets", "proyectos", "projetos", "projekte", "progetti");
    put(Kind.CERTIFICATIONS, "certificats", "certificaciones", "certificações", "zertifikate", "zertifizierungen",
        "certificazioni");
    put(Kind.OTHER, "langues", "idiomas", "sprachen", "lingue", "centres d'intérêt", "loisirs", "intereses", "interessen",
        "hobbys", "interessi", "références", "referencias", "referenzen");
  }

  private static void put(Kind kind, String... names) {
    for (String n : names) {
      HEADINGS.put(n, kind);
      UNSPACED.putIfAbsent(n.replace(" ", ""), kind);
    }
  }

  private static final Pattern CONTENT_WORDS = Pattern.compile(
      "(?i)\\b(?:involvement|activities|achievements|accomplishments|awards|honou?rs|memberships|affiliations|interests"
          + "|service|leadership|publications|qualifications|highlights|training|courses|coursework|languages|references"
          + "|volunteering|extracurricular|organi[sz]ations|associations|presentations|conferences|scholarships)\\b");
  private static final Set<String> WEAK = Set.of("work", "career", "about", "bio", "other",
      "additional", "service", "press", "media", "research", "teaching", "training", "studies", "social",
      "highlights", "strengths", "expertise", "courses", "project", "skill", "contact", "links", "profile");

  private SectionSplitter() {}

  static List<Section> split(List<String> lines) {
    List<Section> out = new ArrayList<>();
    Section current = new Section(Kind.HEADER, "", new ArrayList<>());
    out.add(current);
    List<Heading> known = lines.stream().map(SectionSplitter::heading).toList();
    boolean capitalHeadings = capitalHeadings(lines, known);
    boolean afterFirstHeading = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Heading h = known.get(i);
      if (h == null && capitalHeadings && afterFirstHeading && isCapitalHeading(line) && standsAsHeading(current.kind(), lines, i)) {
        h = new Heading(Kind.OTHER, line.strip(), "");
      }
      afterFirstHeading |= h != null;
      if (h != null) {
        current = new Section(h.kind, h.text, new ArrayList<>());
        out.add(current);
        if (!h.rest.isEmpty()) {
          current.lines().add(h.rest);
        }
      } else {
        current.lines().add(line);
      }
    }
    return out;
  }

  private record Heading(Kind kind, String text, String rest) {}

  /**
   * Whether the document prints its known section headings in capitals ("EDUCATION", "CLINICAL PLACEMENTS"): then
   * another short line of words in capitals is a heading too ("ACADEMIC ACHIEVEMENTS", "PROFESSIONAL MEMBERSHIPS"), of a
   * section Candor does not read, and its lines are not taken into the section above it.
   */
  private static boolean capitalHeadings(List<String> lines, List<Heading> known) {
    int capital = 0;
    int other = 0;
    for (int i = 0; i < lines.size(); i++) {
      Heading h = known.get(i);
      if (h != null && h.rest().isEmpty()) {
        if (isCapitals(lines.get(i))) {
          capital++;
        } else {
          other++;
        }
      }
    }
    return capital >= 2 && other == 0;
  }

  private static boolean isCapitalHeading(String line) {
    String t = line.strip();
    int words = ResumeText.words(t);
    // one word in capitals is more often an item ("SQL", "AWS") than a heading
    return words >= 2 && words <= 5 && t.length() <= 40 && t.matches("[\\p{Lu} &'’/-]+")
        && ResumeFields.titleScore(t) == 0 && ResumeFields.companyScore(t) == 0;
  }

  /**
   * Where a line in capitals may open a section: not among a skills list's items; in a section of entries (jobs, schools,
   * projects), whose employers and schools may be printed in capitals too ("GOLDMAN SACHS"), only after a blank line and
   * when its words name a kind of content ("CAMPUS INVOLVEMENT", "ACADEMIC ACHIEVEMENTS").
   */
  private static boolean standsAsHeading(Kind current, List<String> lines, int i) {
    if (current == Kind.SKILLS) {
      return false;
    }
    if (current != Kind.EXPERIENCE && current != Kind.EDUCATION && current != Kind.PROJECTS) {
      return true;
    }
    return i > 0 && lines.get(i - 1).isEmpty() && CONTENT_WORDS.matcher(lines.get(i)).find();
  }

  private static boolean isCapitals(String line) {
    boolean letter = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letter |= Character.isLetter(c);
    }
    return letter;
  }

  /** Whether the line opens a section. */
  static boolean isHeading(String line) {
    return heading(line) != null;
  }

  private static Heading heading(String line) {
    if (line.isEmpty()) {
      return null;
    }
    // ResumeText turns a tab (a table's cell border) into a column break of three spaces.
    int column = line.indexOf("   ");
    if (column > 0 && column < 45 && !line.substring(column).isBlank()) {
      // A table row whose first cell names the section ("Professional experience | 2000 - present | Atos Origin"):
      // the heading, and the rest of the row its first line.
      Heading cell = heading(line.substring(0, column).strip());
      if (cell != null && cell.rest().isEmpty()) {
        return new Heading(cell.kind(), cell.text(), line.substring(column).strip());
      }
    }
    int colon = line.indexOf(':');
    if (colon > 0 && colon < 45 && colon < line.length() - 1) {
      // "Skills: Java, Go" opens a section with content; "Languages: Java" inside skills does not
      Kind kind = INLINE.get(normalise(line.substring(0, colon)));
      if (kind != null && !ResumeText.isBullet(line)) {
        return new Heading(kind, line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
      return null;
    }
    if (line.length() > 50) {
      return null;
    }
    String key = normalise(line);
    String t = line.strip();
    boolean marked = isCapitals(t) || t.endsWith(":") || key.startsWith("other ") || key.startsWith("additional ");
    Kind kind = known(key, marked);
    if (kind == null) {
      return null;
    }
    // a lower-case common word alone on a line ("work", "training") is not taken for a heading
    if (!hasUpper(line) && WEAK.contains(key)) {
      return null;
    }
    return new Heading(kind, line.strip(), "");
  }

  /**
   * A known heading, also in the singular or plural and after "other" or "additional" ("Other professional certification"),
   * and as an OCR text layer breaks it ("EXPER IENCE", "WORK EXPERI ENCE"); these other forms only where the line is
   * marked as a heading (capitals, a closing colon, "Other"/"Additional" before it), so that "Presentation" in a list of
   * skills opens no section.
   */
  private static Kind known(String key, boolean marked) {
    Kind exact = HEADINGS.get(key);
    if (exact != null || !marked) {
      return exact;
    }
    String bare = key.replaceFirst("^(?:other|additional) ", "");
    for (String form : List.of(bare, bare + "s", bare.replaceFirst("s$", ""))) {
      Kind kind = HEADINGS.get(form);
      if (kind != null) {
        return kind;
      }
    }
    return key.length() <= 40 ? UNSPACED.get(key.replace(" ", "")) : null;
  }

  /** In a line of capitals an OCR layer reads I as l or 1 and O as 0 ("EXPERlENCE", "EDUCATl0N"). */
  private static String ocrCapitals(String line) {
    int upper = 0;
    int other = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isUpperCase(c)) {
        upper++;
      } else if (Character.isLowerCase(c) && c != 'l') {
        other++;
      }
    }
    if (upper < 4 || other > 0) {
      return line;
    }
    return line.replace('l', 'I').replace('1', 'I').replace('0', 'O');
  }

  private static boolean hasUpper(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isUpperCase(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** "WORK  EXPERIENCE:" / "E X P E R I E N C E" / "## Skills & Tools" -> "work experience" / "experience" / "skills and tools". */
  static String normalise(String s) {
    String t = ocrCapitals(s.strip()).replace("&", " and ").replace("+", " and ");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isLetter(c)) {
        sb.append(Character.toLowerCase(c));
      } else if (c == '\'' || c == '’') {
        // "Bachelor's" style apostrophes vanish
      } else {
        sb.append(' ');
      }
    }
    String[] tokens = sb.toString().trim().split("\\s+");
    if (tokens.length > 2 && t.contains("  ")) {
      // letter-spaced words separated by wider gaps: "W O R K   H I S T O R Y"
      String[] groups = t.strip().split("\\s{2,}");
      List<String> words = new ArrayList<>();
      boolean spaced = true;
      for (String g : groups) {
        String[] letters = g.split("\\s+");
        for (String l : letters) {
          if (l.length() > 1) {
            spaced = false;
          }
        }
        words.add(String.join("", letters).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
      }
      if (spaced) {
        return String.join(" ", words).trim();
      }
    }
    if (tokens.length > 2) {
      boolean spaced = true;
      for (String tok : tokens) {
        if (tok.length() > 1) {
          spaced = false;
          break;
        }
      }
      if (spaced) {
        return String.join("", tokens);
      }
    }
    return String.join(" ", tokens).toLowerCase(Locale.ROOT);
  }
}
