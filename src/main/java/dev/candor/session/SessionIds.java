package dev.candor.session;

import java.util.regex.Pattern;

/** Session ids become persistence ids and entity ids, so they are kept to a safe alphabet. */
public final class SessionIds {

  public static final int MAX_LENGTH = 128;
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");
  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private SessionIds() {}

  public static boolean isValid(String id) {
    return id != null && VALID.matcher(id).matches();
  }

  /** In the 8-4-4-4-12 hexadecimal form: the ids seed 004 makes and accepts. */
  public static boolean isUuid(String id) {
    return id != null && UUID.matcher(id).matches();
  }

  public static String describeRule() {
    return "1-" + MAX_LENGTH + " characters of A-Z, a-z, 0-9, '_' and '-'";
  }
}
