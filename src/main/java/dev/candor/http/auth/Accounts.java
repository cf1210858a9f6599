package dev.candor.http.auth;

import dev.candor.http.BadRequest;
import dev.candor.store.UserRecord;
import dev.candor.store.UserRepository;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sign-up and sign-in: checks what a person typed, hashes and checks passwords, issues tokens. Blocking (the
 * database, and a hash costs a good fraction of a second of CPU): call it from a dispatcher meant for blocking work.
 */
public final class Accounts {

  /** A user signed in: their token and who they are. */
  public record SignedIn(String token, UserRecord user) {}

  /** Enough to catch a typo and a missing domain; whether the address is real is the mail server's business. */
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
  private static final int MAX_EMAIL = 254;
  /** Far above any real password, low enough that hashing one costs what hashing any other does. */
  private static final int MAX_PASSWORD = 1024;
  private static final int MAX_NAME = 200;

  private final UserRepository users;
  private final Tokens tokens;
  private final int minPasswordLength;
  /** Checked against when the email is unknown, so an unknown email takes as long as a wrong password. */
  private final String decoyHash;

  public Accounts(UserRepository users, Tokens tokens, int minPasswordLength) {
    this.users = users;
    this.tokens = tokens;
    this.minPasswordLength = minPasswordLength;
    this.decoyHash = Passwords.hash(Tokens.generateSecret());
  }

  /** Creates the account; bad fields throw {@link BadRequest}, a taken email {@code EmailTakenException}. */
  public UserRecord signUp(String email, String password, String name) {
    String address = email == null ? "" : email.strip();
    if (address.isEmpty()) {
      throw new BadRequest("email is required");
    }
    if (address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches()) {
      throw new BadRequest("email must be an address like name@example.com");
    }
    if (password == null || password.isEmpty()) {
      throw new BadRequest("password is required");
    }
    if (password.length() < minPasswordLength) {
      throw new BadRequest("password must be at least " + minPasswordLength + " characters");
    }
    if (password.length() > MAX_PASSWORD) {
      throw new BadRequest("password must be at most " + MAX_PASSWORD + " characters");
    }
    if (password.isBlank()) {
      throw new BadRequest("password must not be only spaces");
    }
    String displayName = name == null || name.isBlank() ? null : name.strip();
    if (displayName != null && displayName.length() > MAX_NAME) {
      throw new BadRequest("name must be at most " + MAX_NAME + " characters");
    }
    return users.create(address, displayName, Passwords.hash(password));
  }

  /** A token for the user with this email and password; empty when either is wrong, without saying which. */
  public Optional<SignedIn> signIn(String email, String password) {
    if (email == null || password == null || password.length() > MAX_PASSWORD) {
      return Optional.empty();
    }
    Optional<UserRecord> user = users.findByEmail(email.strip());
    boolean matches = Passwords.matches(password, user.map(UserRecord::passwordHash).orElse(decoyHash));
    return user.filter(u -> matches).map(u -> new SignedIn(tokens.issue(u), u));
  }

  /** The user a bearer token was issued to, while the token is valid and the account exists. */
  public Optional<UserRecord> user(String token) {
    return tokens.userId(token).flatMap(users::find);
  }

  public Tokens tokens() {
    return tokens;
  }
}
