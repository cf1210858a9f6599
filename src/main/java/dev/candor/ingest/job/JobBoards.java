package dev.candor.ingest.job;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** The job board a URL belongs to, by its host. */
public final class JobBoards {

  public static final String OTHER = "other";

  /** Why a URL of another site is refused when only the known boards are read. */
  public static final String UNSUPPORTED = "URL not from a supported site (LinkedIn, Indeed, Glassdoor, ZipRecruiter, "
      + "Monster, CareerBuilder, SEEK, Wellfound, Lever, Greenhouse, Workday, SmartRecruiters)";

  /** Second-level public suffixes, so that "indeed.co.uk" is read as the registrable name "indeed". */
  private static final Set<String> TWO_LEVEL_SUFFIXES = Set.of(
      "co.uk", "org.uk", "ac.uk", "com.au", "net.au", "co.in", "co.nz", "co.za", "co.jp", "com.br", "com.mx",
      "com.sg", "com.hk", "com.tr", "com.ar", "com.co", "com.my", "com.ph", "co.id", "co.kr", "com.cn", "com.tw");

  private JobBoards() {}

  /**
   * The board a URL belongs to by its host ("www.linkedin.com" → "linkedin", "boards.greenhouse.io" →
   * "greenhouse", "jobs.lever.co" → "lever", "*.myworkdayjobs.com" → "workday", "angel.co"/"wellfound.com"
   * → "wellfound", ...), else "other". Never throws.
   */
  public static String of(String url) {
    String host = host(url);
    if (host == null) {
      return OTHER;
    }
    String[] labels = host.split("\\.");
    if (labels.length < 2) {
      return OTHER;
    }
    String tld = labels[labels.length - 1];
    String lastTwo = labels[labels.length - 2] + "." + tld;
    String name;
    String suffix;
    if (labels.length >= 3 && TWO_LEVEL_SUFFIXES.contains(lastTwo)) {
      name = labels[labels.length - 3];
      suffix = lastTwo;
    } else {
      name = labels[labels.length - 2];
      suffix = tld;
    }
    boolean countrySite = suffix.equals("com") || suffix.length() == 2 || TWO_LEVEL_SUFFIXES.contains(suffix);
    return switch (name) {
      // LinkedIn's country sites are subdomains of linkedin.com; linkedin.cn is its China site.
      case "linkedin" -> suffix.equals("com") || suffix.equals("cn") ? "linkedin" : OTHER;
      case "lnkd" -> suffix.equals("in") ? "linkedin" : OTHER;
      // These boards run country sites under country domains (indeed.co.uk, glassdoor.de, monster.fr).
      case "indeed", "glassdoor", "ziprecruiter", "monster", "careerbuilder" -> countrySite ? name : OTHER;
      case "wellfound" -> suffix.equals("com") ? "wellfound" : OTHER;
      case "angel" -> suffix.equals("co") ? "wellfound" : OTHER;
      case "lever" -> suffix.equals("co") ? "lever" : OTHER;
      case "greenhouse" -> suffix.equals("io") ? "greenhouse" : OTHER;
      case "myworkdayjobs", "myworkdaysite", "workday" -> suffix.equals("com") ? "workday" : OTHER;
      case "smartrecruiters" -> suffix.equals("com") ? "smartrecruiters" : OTHER;
      // SEEK runs seek.com.au and seek.co.nz.
      case "seek" -> suffix.equals("com.au") || suffix.equals("co.nz") ? "seek" : OTHER;
      default -> OTHER;
    };
  }

  /** Whether {@link #of} names a board other than "other". */
  public static boolean isKnown(String url) {
    return !OTHER.equals(of(url));
  }

  /** The lower-cased host of a URL (a scheme-less "www.x.com/..." is read as https), or null. */
  static String host(String url) {
    if (url == null) {
      return null;
    }
    String u = url.strip();
    if (u.isEmpty() || u.length() > 4096) {
      return null;
    }
    if (u.matches("(?s)^[A-Za-z][A-Za-z0-9+.-]*:.*") && !u.matches("(?is)^https?://.*")) {
      // Another scheme (mailto:, ftp:, javascript:) is no job page; "host:port/path" has digits after ':'.
      if (!u.matches("(?s)^[A-Za-z0-9.-]+:\\d+(?:[/?#].*)?$")) {
        return null;
      }
    }
    if (!u.matches("(?is)^https?://.*")) {
      u = "https://" + u;
    }
    try {
      String host = URI.create(u).getHost();
      if (host == null) {
        // URI refuses some hosts (underscores); take the authority by hand.
        String rest = u.substring(u.indexOf("://") + 3);
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
          int i = rest.indexOf(c);
          if (i >= 0 && i < end) {
            end = i;
          }
        }
        host = rest.substring(0, end);
        int at = host.lastIndexOf('@');
        if (at >= 0) {
          host = host.substring(at + 1);
        }
        int colon = host.indexOf(':');
        if (colon >= 0) {
          host = host.substring(0, colon);
        }
      }
      host = host.toLowerCase(Locale.ROOT);
      while (host.endsWith(".")) {
        host = host.substring(0, host.length() - 1);
      }
      return host.isEmpty() ? null : host;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
