package uk.gov.courier.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Console sessions, kept in PostgreSQL so any web instance can serve any request. A session ID is
 * 256 random bits, base64url; it goes only into the session cookie. The database keeps its SHA-256
 * (a high-entropy secret needs no slow hash). Never log a session ID.
 */
public final class SessionService {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final Jdbi jdbi;
  private final SessionSettings settings;

  public SessionService(Jdbi jdbi, SessionSettings settings) {
    this.jdbi = jdbi;
    this.settings = settings;
  }

  public SessionSettings settings() {
    return settings;
  }

  /**
   * Starts a new session for the user and returns its ID, for the cookie. Also clears out sessions
   * that have timed out, anyone's, so the table stays small.
   */
  public String start(long userId) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbi.useTransaction(
        handle -> {
          SessionDao sessions = handle.attach(SessionDao.class);
          sessions.deleteEnded(idleSeconds(), absoluteSeconds());
          sessions.insert(sha256(sessionId), userId);
        });
    return sessionId;
  }

  /**
   * The user of a live session, marking it used; empty when the ID is malformed, unknown, timed
   * out, or its user is disabled.
   */
  public Optional<SessionUser> resume(String sessionId) {
    if (!isWellFormed(sessionId)) {
      return Optional.empty();
    }
    byte[] digest = sha256(sessionId);
    return jdbi.withExtension(
            SessionDao.class, sessions -> sessions.resume(digest, idleSeconds(), absoluteSeconds()))
        .map(
            row ->
                new SessionUser(
                    row.userId(),
                    row.email(),
                    row.displayName(),
                    Role.fromDb(row.role()),
                    HexFormat.of().formatHex(digest)));
  }

  /** Ends one session (signing out). Unknown or malformed IDs are ignored. */
  public void end(String sessionId) {
    if (isWellFormed(sessionId)) {
      jdbi.useExtension(SessionDao.class, sessions -> sessions.delete(sha256(sessionId)));
    }
  }

  /** Ends every session of a user: when they are disabled or their password is reset. */
  public int endAll(long userId) {
    return jdbi.withExtension(SessionDao.class, sessions -> sessions.deleteForUser(userId));
  }

  static boolean isWellFormed(String sessionId) {
    return sessionId != null && WELL_FORMED.matcher(sessionId).matches();
  }

  static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private long idleSeconds() {
    return settings.idleTimeout().toSeconds();
  }

  private long absoluteSeconds() {
    return settings.absoluteTimeout().toSeconds();
  }
}
