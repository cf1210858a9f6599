package dev.candor.ingest.resume;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Contact details of a resume: name, email, phone, location, LinkedIn and GitHub addresses. */
final class ContactExtractor {

  record Contact(String name, String email, String phone, String location, String linkedin, String github) {}

  static final Pattern EMAIL = Pattern.compile(
      "(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\\.){1,4}[A-Za-z]{2,12}(?![A-Za-z])");
  static final Pattern PHONE = Pattern.compile(
      "(?<![\\w+/.])(?:\\+\\d{1,3}[\\s.-]{0,2})?(?:\\(\\d{1,4}\\)|\\d{2,5})(?:[\\s.-]{0,2}\\d{2,5}){1,4}(?![\\w/])");
  static final Pattern LINKEDIN = Pattern.compile(
      "(?i)(?:https?://)?(?:[a-z]{2,3}\\.)?linkedin\\.com/(?:in|pub|profile)/[A-Za-z0-9_%.\\-]{2,100}/?");
  private static final Pattern PROFILE_TAIL = Pattern.compile("[A-Za-z0-9_%-]{1,100}");
  static final Pattern GITHUB = Pattern.compile(
      "(?i)(?:https?://)?(?:www\\.)?github\\.com/[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
  static final Pattern URL = Pattern.compile(
      "(?i)(?:https?://|www\\.)[^\\s|,;]{1,200}|\\b[a-z0-9-]{1,60}\\.(?:com|io|dev|me|net|org|ai|co|app|page|site|tech)(?:/[^\\s|,;]{0,200})?");
  private static final Pattern LABEL = Pattern.compile(
      "(?i)^(?:e-?mail|phone|mobile|cell|tel|telephone|contact|address|location|linkedin|github|website|web|portfolio)\\s*[:.]?\\s*");
  private static final Pattern SEPARATORS = Pattern.compile(
      "\\s*[|•·▪●◦♦◆★✉☎✆]\\s*|\\s+[-–—]\\s+|\\s*[–—]\\s*|\\s{2,}|\\s*[\\uE000-\\uF8FF]\\s*");
  private static final Pattern NAME_LABEL = Pattern.compile("(?i)^\\s*(?:full\\s+)?name\\s*[:\\-]\\s*(.{2,60})$");
  /** Letters after a name: "RN", "MBA", "PhD", "MEDSURG-BC", "CPA". */
  private static final Pattern CREDENTIAL = Pattern.compile("\\p{Lu}[\\p{Lu}\\d-]{1,11}|Ph\\.?D\\.?|M\\.?D\\.?|Jr\\.?|Sr\\.?|MSc|BSc|MEng");
  private static final Pattern NAME_TOKEN = Pattern.compile("\\p{Lu}[\\p{L}'’.\\-]*|\\p{Lu}\\.");
  private static final Set<String> PARTICLES = Set.of("de", "da", "del", "della", "der", "van", "von", "la", "le",
      "di", "du", "bin", "binti", "al", "el", "dos", "das", "y", "ter", "ten");
  private static final Set<String> NOT_NAME_WORDS = Set.of("resume", "résumé", "curriculum", "vitae", "cv", "updated",
      "page", "contact", "profile", "summary", "objective", "phone", "email", "address", "portfolio", "references",
      "university", "college", "institute", "school", "inc", "llc", "ltd", "corp", "company", "street", "avenue",
      "road", "welcome", "linkedin", "github", "experience", "education", "skills", "projects", "present",
      // words of section headings a résumé may add ("Key Qualifications", "Personal Particulars")
      "qualifications", "particulars", "highlights", "information", "details", "achievements", "accomplishments",
      "interests", "languages", "certifications", "licenses", "memberships", "activities", "competencies",
      "expertise", "history", "background", "statement", "overview", "key", "personal", "professional", "career");
  static final Set<String> US_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID",
      "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
      "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
      "WI", "WY", "DC", "ON", "BC", "QC", "AB", "MB", "NS", "SK", "NB", "NL", "PE");
  /** States and provinces written out ("Kent, Ohio"), as résumés often print them. */
  static final Set<String> STATE_NAMES = Set.of("alabama", "alaska", "arizona", "arkansas", "california", "colorado",
      "connecticut", "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
      "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri",
      "montana", "nebraska", "nevada", "new hampshire", "new jersey", "new mexico", "new york", "north carolina",
      "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota",
      "tennessee", "texas", "utah", "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming",
      "ontario", "quebec", "british columbia", "alberta", "manitoba", "saskatchewan", "nova scotia", "new brunswick",
      "newfoundland and labrador", "prince edward island");
  static final Set<String> COUNTRIES = Set.of("usa", "us", "u.s.", "u.s.a.", "united states", "united states of america",
      "uk", "u.k.", "united kingdom", "england", "scotland", "wales", "ireland", "canada", "india", "germany",
      "france", "spain", "italy", "portugal", "netherlands", "the netherlands", "belgium", "switzerland", "austria",
      "sweden", "norway", "denmark", "finland", "poland", "czech republic", "czechia", "hungary", "romania",
      "greece", "ukraine", "russia", "turkey", "türkiye", "turkiye", "israel", "uae", "united arab emirates",
      "saudi arabia", "qatar", "egypt", "nigeria", "kenya", "ghana", "south africa", "morocco", "pakistan",
      "bangladesh", "sri lanka", "nepal", "china", "japan", "south korea", "korea", "taiwan", "hong kong",
      "singapore", "malaysia", "indonesia", "philippines", "vietnam", "thailand", "australia", "new zealand",
      "brazil", "mexico", "argentina", "chile", "colombia", "peru", "estonia", "latvia", "lithuania",
      "serbia", "croatia", "bulgaria", "slovakia", "slovenia", "luxembourg", "iceland", "remote");

  private ContactExtractor() {}

  /**
   * @param all every line of the resume
   * @param header the lines before the first section and of contact/links sections
   */
  static Contact extract(List<String> all, List<String> header) {
    String email = first(EMAIL, header);
    if (email == null) {
      email = first(EMAIL, all);
    }
    String phone = phone(header);
    if (phone == null) {
      phone = labelledPhone(all);
    }
    String linkedin = linkedin(header);
    if (linkedin == null) {
      linkedin = linkedin(all);
    }
    String github = github(header);
    if (github == null) {
      github = github(all);
    }
    String location = location(header);
    String name = name(all, header, email);
    if (location == null && name != null) {
      location = placeUnderName(all, name);
    }
    return new Contact(name, email, phone, location,
        linkedin == null ? null : stripSlash(linkedin), github);
  }

  /** A LinkedIn address, also one a narrow sidebar broke after a hyphen ("linkedin.com/in/irma-" / "hernandez-b83 (LinkedIn)"). */
  private static String linkedin(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = LINKEDIN.matcher(lines.get(i));
      if (m.find()) {
        String address = m.group();
        Matcher rest = i + 1 < lines.size() && address.endsWith("-") && m.end() == lines.get(i).length()
            ? PROFILE_TAIL.matcher(lines.get(i + 1)) : null;
        return rest != null && rest.lookingAt() ? address + rest.group() : address;
      }
    }
    return null;
  }

  /** LinkedIn's export prints the place under the name and headline, outside the contact block. */
  private static String placeUnderName(List<String> all, String name) {
    for (int i = 0; i < all.size(); i++) {
      if (properCase(all.get(i).strip()).equals(name)) {
        for (int j = i + 1; j < Math.min(all.size(), i + 4) && !SectionSplitter.isHeading(all.get(j)); j++) {
          String line = all.get(j).strip();
          if (isLocation(line) && ResumeFields.companyScore(line) == 0) {
            return line;
          }
        }
        return null;
      }
    }
    return null;
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static String first(Pattern p, List<String> lines) {
    for (String line : lines) {
      Matcher m = p.matcher(line);
      if (m.find()) {
        return m.group();
      }
    }
    return null;
  }

  private static String github(List<String> lines) {
    for (String line : lines) {
      Matcher m = GITHUB.matcher(line);
      while (m.find()) {
        String user = m.group().substring(m.group().toLowerCase(Locale.ROOT).indexOf("github.com/") + 11);
        if (!user.isEmpty() && !Set.of("features", "about", "orgs", "topics", "pricing", "login").contains(user.toLowerCase(Locale.ROOT))) {
          return m.group();
        }
      }
    }
    return null;
  }

  private static String phone(List<String> lines) {
    for (String line : lines) {
      String p = phoneIn(stripUrlsAndEmails(line), 7);
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private static String labelledPhone(List<String> lines) {
    for (String line : lines) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("tel:") || lower.contains("phone") || lower.contains("mobile")
          || lower.startsWith("cell")) {
        String p = phoneIn(line.replaceFirst("(?i)^tel:", ""), 7);
        if (p != null) {
          return p;
        }
      }
    }
    return null;
  }

  /** The first phone number in the line with at least {@code minDigits} digits that is not a year range. */
  static String phoneIn(String line, int minDigits) {
    Matcher m = PHONE.matcher(line);
    while (m.find()) {
      String cand = m.group().strip();
      int digits = 0;
      for (int i = 0; i < cand.length(); i++) {
        if (Character.isDigit(cand.charAt(i))) {
          digits++;
        }
      }
      if (digits < minDigits || digits > 15) {
        continue;
      }
      if (DateRanges.range(cand) != null && !cand.contains("(") && !cand.startsWith("+")) {
        continue;
      }
      if (!cand.startsWith("+") && !cand.startsWith("(") && cand.indexOf(' ') < 0 && cand.indexOf('-') < 0
          && cand.indexOf('.') < 0 && digits != 10) {
        continue;
      }
      return cand;
    }
    return null;
  }

  private static String stripUrlsAndEmails(String line) {
    String s = EMAIL.matcher(line).replaceAll(" ");
    return URL.matcher(s).replaceAll(" ");
  }

  /** Splits a contact line into its parts ("Seattle, WA | 206-555-0149 | e@x.com" -> 3 parts). */
  static List<String> segments(String line) {
    List<String> out = new ArrayList<>();
    for (String s : SEPARATORS.split(line)) {
      String t = ResumeText.trimPunct(s);
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  private static String location(List<String> header) {
    String previous = "";
    for (String line : header) {
      if (line.isEmpty()) {
        continue;
      }
      String above = previous;
      previous = line;
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("location") || lower.startsWith("address")) {
        String v = ResumeText.blankToNull(ResumeText.trimPunct(LABEL.matcher(line).replaceFirst("")));
        if (v != null && v.length() < 80) {
          return v;
        }
      }
      String cleaned = stripUrlsAndEmails(line);
      String phone = phoneIn(cleaned, 7);
      if (phone != null) {
        cleaned = cleaned.replace(phone, "   ");
      }
      List<String> segments = segments(cleaned);
      for (int i = 0; i < segments.size(); i++) {
        if (i > 0) {
          // "2222 McCoy Road     Columbus, Ohio 44444": the street in the cell before
          above = segments.get(i - 1);
        }
        String v = LABEL.matcher(segments.get(i)).replaceFirst("");
        if (i + 1 < segments.size() && POSTAL_CODE.matcher(" " + segments.get(i + 1)).matches()) {
          // "Fort Thomas, KY  41075": the code set apart by a wide gap
          v = v + " " + segments.get(i + 1);
        }
        if (isLocation(v)) {
          // an address printed over two lines: "12 Winding Way" / "Fort Thomas, KY 41075", "Sweet House Bldg.," / "..."
          boolean street = (STREET.matcher(above).matches() || above.endsWith(",") && above.length() < 60)
              && phoneIn(above, 7) == null && !EMAIL.matcher(above).find();
          return street ? ResumeText.trimPunct(above) + ", " + v.strip() : v.strip();
        }
      }
    }
    return null;
  }

  /** A street address line: a house number, the street's name and its kind ("12 Winding Way", "465 S Tracy Ln"). */
  private static final Pattern STREET = Pattern.compile(
      "\\d{1,6}[A-Za-z]?\\s+\\p{L}[\\p{L}\\d .'’-]{0,40}\\b(?i:street|st|road|rd|avenue|ave|way|lane|ln|drive|dr|boulevard"
          + "|blvd|court|ct|place|pl|terrace|highway|hwy|parkway|pkwy|square|sq|circle|cir|crescent|close|row|trail|suite"
          + "|apt|unit)\\b\\.?(?:\\s+[\\p{L}\\d#-]{1,8})?");

  /** A US ZIP code, a Canadian postal code ("Z9Y 8X7") or a British postcode ("SW1A 1AA") after the region. */
  private static final Pattern POSTAL_CODE = Pattern.compile(
      "\\s+(?:\\d{5}(?:-\\d{4})?|\\p{Lu}\\d\\p{Lu}\\s?\\d\\p{Lu}\\d|\\p{Lu}{1,2}\\d[\\p{Lu}\\d]?\\s?\\d\\p{Lu}{2})$");

  /** "San Francisco, CA", "London, UK", "123 Main St, Anywhere, USA", "Mountain View, CA 94043". */
  static boolean isLocation(String s) {
    if (s == null || s.length() > 70 || s.indexOf(',') < 0 || s.indexOf('@') >= 0) {
      return false;
    }
    String[] parts = s.split(",");
    if (parts.length > 5) {
      return false;
    }
    String region = parts[parts.length - 1].strip();
    String last = POSTAL_CODE.matcher(region).replaceFirst("");
    // "Orange, Ca 92869": a state code typed in any case is still one before its ZIP code
    boolean coded = !last.equals(region) && last.length() == 2 && US_STATES.contains(last.toUpperCase(Locale.ROOT));
    if (!isRegion(last) && !coded) {
      return false;
    }
    for (int i = 0; i < parts.length - 1; i++) {
      String p = parts[i].strip();
      if (p.isEmpty() || ResumeText.words(p) > 5 || DateRanges.find(p) != null) {
        return false;
      }
      if (i > 0 && p.chars().anyMatch(Character::isDigit)) {
        return false;
      }
      if (!Character.isUpperCase(p.charAt(0)) && !Character.isDigit(p.charAt(0))) {
        return false;
      }
    }
    return true;
  }

  private static final Pattern CITY_AND_REGION = Pattern.compile("(?:\\p{Lu}[\\p{L}.'’-]*\\s){1,3}(\\p{Lu}{2})");

  /** "Peterborough ON", "Fort Thomas KY": a city and a state or province code, no comma between them. */
  static boolean isCityAndRegion(String s) {
    Matcher m = CITY_AND_REGION.matcher(s.strip());
    return m.matches() && US_STATES.contains(m.group(1));
  }

  /** "QIS College of Engineering, Andhra Pradesh, India.": text ending in a place and a full stop. */
  static boolean endsWithPlaceAndStop(String text) {
    return text.endsWith(".") && isRegion(text.substring(text.lastIndexOf(',') + 1, text.length() - 1));
  }

  /** "CA", "Ohio", "USA", "United Kingdom", "Türkiye". */
  static boolean isRegion(String s) {
    String t = s.strip();
    String lower = t.toLowerCase(Locale.ROOT);
    return US_STATES.contains(t) || COUNTRIES.contains(lower) || !t.equals(lower) && STATE_NAMES.contains(lower);
  }

  private static String name(List<String> all, List<String> header, String email) {
    int seen = 0;
    for (String line : all) {
      if (seen++ > 40) {
        break;
      }
      Matcher m = NAME_LABEL.matcher(line);
      if (m.matches() && looksLikeName(m.group(1).strip())) {
        return properCase(m.group(1).strip());
      }
    }
    int nonEmpty = 0;
    for (String line : header) {
      if (line.isEmpty()) {
        continue;
      }
      if (++nonEmpty > 8) {
        break;
      }
      List<String> segs = segments(line);
      if (!segs.isEmpty() && looksLikeName(segs.get(0))) {
        return properCase(segs.get(0));
      }
      String withComma = segs.isEmpty() ? null : nameWithComma(segs.get(0));
      if (withComma != null) {
        return withComma;
      }
      String beforePlace = nameBeforePlace(line, email);
      if (beforePlace != null) {
        return beforePlace;
      }
    }
    // a name printed after a sidebar (LinkedIn's export), told by the headline under it: "Senior Events Manager at ..."
    for (int i = 0; i + 1 < Math.min(all.size(), 80); i++) {
      String line = all.get(i).strip();
      String next = all.get(i + 1).strip();
      if (line.length() < 40 && looksLikeName(line) && ResumeFields.titleScore(next) > 0) {
        return properCase(line);
      }
    }
    // a name elsewhere (a sidebar printed last) that agrees with the e-mail address
    String local = email == null ? "" : email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT);
    if (!local.isEmpty()) {
      for (String line : all) {
        if (line.length() < 40 && looksLikeName(line)) {
          String[] tokens = line.toLowerCase(Locale.ROOT).split("\\s+");
          if (local.contains(tokens[tokens.length - 1].replaceAll("[^a-z]", ""))
              && tokens[tokens.length - 1].length() > 1) {
            return properCase(line);
          }
        }
      }
      String[] parts = local.split("[._-]");
      if (parts.length >= 2 && parts.length <= 3) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
          if (p.length() < 2 || !p.chars().allMatch(Character::isLetter)) {
            return null;
          }
          sb.append(sb.length() == 0 ? "" : " ").append(Character.toUpperCase(p.charAt(0))).append(p.substring(1));
        }
        return sb.toString();
      }
    }
    return null;
  }

  /**
   * "Carol Summers, RN, MEDSURG-BC": the name before its credentials; "Man Hoe Keung, Jonathan": a family name first,
   * the given name after the comma, kept as printed.
   */
  private static String nameWithComma(String segment) {
    int comma = segment.indexOf(',');
    if (comma < 0 || isLocation(segment) || !looksLikeName(segment.substring(0, comma).strip())) {
      return null;
    }
    String head = segment.substring(0, comma).strip();
    String[] tail = segment.substring(comma + 1).split("\\s*,\\s*|\\s+");
    boolean credentials = true;
    boolean givenName = tail.length <= 2;
    for (String t : tail) {
      String token = t.strip();
      if (token.isEmpty()) {
        continue;
      }
      credentials &= CREDENTIAL.matcher(token).matches();
      givenName &= NAME_TOKEN.matcher(token).matches() && !token.equals(token.toUpperCase(Locale.ROOT))
          && !NOT_NAME_WORDS.contains(token.toLowerCase(Locale.ROOT));
    }
    if (credentials) {
      return properCase(head);
    }
    return givenName ? head + ", " + segment.substring(comma + 1).strip() : null;
  }

  /**
   * "Jaya Chaudhari Nurse City, ON Z9Y 8X7": a name and an address run together when a PDF puts them on one line. The
   * name is the leading words the e-mail address spells (jayachaudhari1@...), at least two.
   */
  private static String nameBeforePlace(String line, String email) {
    if (email == null || !isLocation(line.strip())) {
      return null;
    }
    String local = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT);
    String[] tokens = line.strip().split("\\s+");
    int spelled = 0;
    while (spelled < tokens.length && spelled < 4 && NAME_TOKEN.matcher(tokens[spelled]).matches()
        && (local.contains(letters(tokens[spelled]))
            // "praman@...": the first name by its initial, the family name in full
            || spelled == 0 && tokens.length > 1 && local.startsWith(letters(tokens[0]).substring(0, 1))
                && letters(tokens[1]).length() > 1 && local.contains(letters(tokens[1])))) {
      spelled++;
    }
    String name = String.join(" ", Arrays.copyOf(tokens, spelled));
    return spelled >= 2 && looksLikeName(name) ? properCase(name) : null;
  }

  private static String letters(String token) {
    return token.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
  }

  static boolean looksLikeName(String s) {
    if (s == null || s.length() < 3 || s.length() > 50) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isDigit(c) || c == '@' || c == ',' || c == ':' || c == '/' || c == '(' || c == '|') {
        return false;
      }
    }
    String[] tokens = s.strip().split("\\s+");
    if (tokens.length < 2 || tokens.length > 4) {
      return false;
    }
    int capitalised = 0;
    for (String tok : tokens) {
      String lower = tok.toLowerCase(Locale.ROOT);
      if (NOT_NAME_WORDS.contains(lower.replaceAll("[^\\p{L}]", ""))) {
        return false;
      }
      if (PARTICLES.contains(lower)) {
        continue;
      }
      if (!NAME_TOKEN.matcher(tok).matches()) {
        return false;
      }
      capitalised++;
    }
    if (capitalised < 2 || ResumeFields.titleScore(s) > 0 || ResumeFields.companyScore(s) > 0) {
      return false;
    }
    return SectionSplitter.normalise(s).length() > 0 && !ContactExtractor.isRegion(tokens[tokens.length - 1]);
  }

  /** "JOHN DOE" -> "John Doe"; mixed-case names are kept as printed. */
  static String properCase(String name) {
    String s = ResumeText.squash(name.strip());
    if (!s.equals(s.toUpperCase(Locale.ROOT))) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    boolean start = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(start ? c : Character.toLowerCase(c));
      start = !Character.isLetter(c);
    }
    return sb.toString();
  }
}
