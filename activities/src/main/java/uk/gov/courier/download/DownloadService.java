package uk.gov.courier.download;

import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.specialized.BlobInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.courier.blob.BlobStore;
import uk.gov.courier.links.LinkTokens;

/**
 * The recipient's side of a send: the landing page behind an emailed link, and the one download it
 * allows (DESIGN.md "The download, as the recipient sees it"; docs/security.md).
 *
 * <ul>
 *   <li>{@link #view} (GET and HEAD) changes no link: mail scanners open links.
 *   <li>{@link #download} (POST) checks the form's anti-forgery token and the address the visitor
 *       typed, then uses the link in one conditional UPDATE and hands back a {@link FileStream}. A
 *       stream that fails before its last byte gives the link back; one that finishes makes the use
 *       final and tells the send's workflow through the {@link LinkUseNotifier}.
 * </ul>
 *
 * <p>Every request is recorded in {@code download_attempts}; failed guesses there are what the rate
 * limits count. A token is never logged, stored or put in a page: links are found by its SHA-256.
 */
public final class DownloadService {

  private static final Logger LOG = LoggerFactory.getLogger(DownloadService.class);

  /** What {@link LinkTokens#token} makes: 43 base64url characters. Anything else is unknown. */
  static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

  /** A stream still going after this long is cut off, and the link given back. */
  static final Duration MAX_STREAM = Duration.ofMinutes(30);

  /** The audit trail's actor for someone who has not shown they are the recipient. */
  static final String VISITOR = "visitor";

  private static final int BUFFER = 64 * 1024;

  private static final String CONNECTION_CLOSED = "connection_closed";

  private final Jdbi jdbi;
  private final BlobStore blobs;
  private final DownloadSettings settings;
  private final FormTokens formTokens;
  private final LinkUseNotifier notifier;
  private final Clock clock;

  public DownloadService(
      Jdbi jdbi, BlobStore blobs, DownloadSettings settings, LinkUseNotifier notifier) {
    this(jdbi, blobs, settings, notifier, Clock.systemUTC());
  }

  DownloadService(
      Jdbi jdbi,
      BlobStore blobs,
      DownloadSettings settings,
      LinkUseNotifier notifier,
      Clock clock) {
    this.jdbi = jdbi;
    this.blobs = blobs;
    this.settings = settings;
    this.formTokens = new FormTokens(settings.formTokenSecret());
    this.notifier = notifier;
    this.clock = clock;
  }

  public String supportEmailAddress() {
    return settings.supportEmailAddress();
  }

  /** GET or HEAD of a link: the landing page, or why there is none. Changes no link. */
  public DownloadOutcome view(String token, Visitor visitor) {
    return jdbi.withExtension(
        DownloadDao.class,
        dao -> {
          Optional<DownloadLink> found = find(dao, token);
          DownloadOutcome refused = checkBeforeUse(dao, found, visitor, false);
          if (refused != null) {
            return refused;
          }
          DownloadLink link = found.orElseThrow();
          record(dao, link, AttemptOutcome.VIEWED, visitor);
          return landing(link, null, null);
        });
  }

  /**
   * POST from the landing page: checks the form and the address, uses the link and returns the file
   * to stream, or says why not.
   *
   * @param typedAddress what the visitor typed as the address the link was sent to
   * @param formToken the form's hidden anti-forgery token
   */
  public DownloadOutcome download(
      String token, String typedAddress, String formToken, Visitor visitor) {
    Checked checked =
        jdbi.withExtension(
            DownloadDao.class,
            dao -> checkSubmission(dao, token, typedAddress, formToken, visitor));
    if (checked.refusal() != null) {
      return checked.refusal();
    }
    return use(checked.link(), LinkTokens.sha256(token), visitor);
  }

  /** Either why a submission was refused, or the link it may use. */
  private record Checked(DownloadOutcome refusal, DownloadLink link) {
    static Checked refused(DownloadOutcome outcome) {
      return new Checked(outcome, null);
    }
  }

  private Checked checkSubmission(
      DownloadDao dao, String token, String typedAddress, String formToken, Visitor visitor) {
    Optional<DownloadLink> found = find(dao, token);
    DownloadOutcome refused = checkBeforeUse(dao, found, visitor, true);
    if (refused != null) {
      return Checked.refused(refused);
    }
    DownloadLink link = found.orElseThrow();
    if (visitor.crossSite() || !formTokens.isValid(formToken, link.linkId(), clock.instant())) {
      long attempt = record(dao, link, AttemptOutcome.BAD_FORM_TOKEN, visitor);
      auditRefusal(dao, link, "bad_form_token", attempt, visitor);
      return Checked.refused(
          afterCountedFailure(dao, link, visitor, FormProblem.FORM_EXPIRED, false));
    }
    if (RecipientAddresses.isBlank(typedAddress)) {
      record(dao, link, AttemptOutcome.ADDRESS_MISSING, visitor);
      return Checked.refused(landing(link, FormProblem.ADDRESS_MISSING, null));
    }
    if (!RecipientAddresses.looksLikeAnAddress(typedAddress)) {
      record(dao, link, AttemptOutcome.ADDRESS_MISSING, visitor);
      return Checked.refused(landing(link, FormProblem.ADDRESS_INVALID, null));
    }
    if (!RecipientAddresses.matches(typedAddress, link.emailAddress())) {
      long attempt = record(dao, link, AttemptOutcome.WRONG_ADDRESS, visitor);
      auditRefusal(dao, link, "wrong_address", attempt, visitor);
      return Checked.refused(
          afterCountedFailure(dao, link, visitor, FormProblem.WRONG_ADDRESS, true));
    }
    return new Checked(null, link);
  }

  /**
   * The checks GET and POST share, in order: the client's rate limit, the link's existence, the
   * link's rate limit, its state, its file. Null when all pass.
   */
  private DownloadOutcome checkBeforeUse(
      DownloadDao dao, Optional<DownloadLink> found, Visitor visitor, boolean post) {
    DownloadLink link = found.orElse(null);
    Optional<RetryAt> clientLimit =
        dao.clientRetryAt(
            visitor.clientAddress(),
            settings.perClient().attempts(),
            settings.perClient().windowSeconds());
    if (clientLimit.isPresent()) {
      return tooManyAttempts(dao, link, clientLimit.get(), visitor, post);
    }
    if (link == null) {
      record(dao, null, AttemptOutcome.UNKNOWN_LINK, visitor);
      return new DownloadOutcome.Unusable(LinkProblem.UNKNOWN);
    }
    Optional<RetryAt> linkLimit =
        dao.linkRetryAt(
            link.linkId(), settings.perLink().attempts(), settings.perLink().windowSeconds());
    if (linkLimit.isPresent()) {
      return tooManyAttempts(dao, link, linkLimit.get(), visitor, post);
    }
    LinkState state = link.linkState();
    if (state != LinkState.LIVE) {
      AttemptOutcome outcome = AttemptOutcome.refusal(state);
      long attempt = record(dao, link, outcome, visitor);
      if (post) {
        auditRefusal(dao, link, outcome.code(), attempt, visitor);
      }
      return new DownloadOutcome.Unusable(problem(state));
    }
    if (!link.fileRecorded()) {
      LOG.error(
          "Link {} is live but its send {} has no file recorded", link.linkId(), link.sendId());
      record(dao, link, AttemptOutcome.FILE_UNAVAILABLE, visitor);
      return new DownloadOutcome.FileUnavailable();
    }
    return null;
  }

  private DownloadOutcome tooManyAttempts(
      DownloadDao dao, DownloadLink link, RetryAt retryAt, Visitor visitor, boolean post) {
    long attempt = record(dao, link, AttemptOutcome.TOO_MANY_ATTEMPTS, visitor);
    if (post && link != null) {
      auditRefusal(dao, link, "too_many_attempts", attempt, visitor);
    }
    return new DownloadOutcome.TooManyAttempts(retryAt);
  }

  /**
   * After a counted failure: the landing page again with the problem (and, after a wrong address,
   * the tries left), or the too-many-attempts page when that was the last try allowed.
   */
  private DownloadOutcome afterCountedFailure(
      DownloadDao dao,
      DownloadLink link,
      Visitor visitor,
      FormProblem problem,
      boolean sayAttemptsLeft) {
    int linkLeft =
        settings.perLink().attempts()
            - dao.linkFailures(link.linkId(), settings.perLink().windowSeconds());
    int clientLeft =
        settings.perClient().attempts()
            - dao.clientFailures(visitor.clientAddress(), settings.perClient().windowSeconds());
    if (linkLeft <= 0 || clientLeft <= 0) {
      RetryAt retryAt =
          later(
              dao.linkRetryAt(
                  link.linkId(), settings.perLink().attempts(), settings.perLink().windowSeconds()),
              dao.clientRetryAt(
                  visitor.clientAddress(),
                  settings.perClient().attempts(),
                  settings.perClient().windowSeconds()));
      if (retryAt != null) {
        return new DownloadOutcome.TooManyAttempts(retryAt);
      }
    }
    return landing(
        link, problem, sayAttemptsLeft ? Math.max(0, Math.min(linkLeft, clientLeft)) : null);
  }

  private static RetryAt later(Optional<RetryAt> a, Optional<RetryAt> b) {
    if (a.isEmpty()) {
      return b.orElse(null);
    }
    if (b.isEmpty()) {
      return a.get();
    }
    return a.get().at().isAfter(b.get().at()) ? a.get() : b.get();
  }

  /** The one conditional UPDATE, then the blob; the link goes back if the blob cannot be read. */
  private DownloadOutcome use(DownloadLink link, byte[] tokenSha256, Visitor visitor) {
    Optional<Instant> usedAt =
        jdbi.withExtension(
            DownloadDao.class, dao -> dao.use(link.linkId(), tokenSha256, visitor.clientAddress()));
    if (usedAt.isEmpty()) {
      return jdbi.withExtension(
          DownloadDao.class,
          dao -> {
            LinkState now =
                dao.find(link.linkId()).map(DownloadLink::linkState).orElse(LinkState.USED);
            LinkState state = now == LinkState.LIVE ? LinkState.USED : now;
            AttemptOutcome outcome = AttemptOutcome.refusal(state);
            long attempt = record(dao, link, outcome, visitor);
            auditRefusal(dao, link, outcome.code(), attempt, visitor);
            return new DownloadOutcome.Unusable(problem(state));
          });
    }
    Use use = new Use(link, usedAt.get(), visitor);
    BlobInputStream in;
    try {
      in = blobs.container().getBlobClient(link.blobName()).openInputStream();
      long size = in.getProperties().getBlobSize();
      if (size != link.byteCount()) {
        in.close();
        throw new IOException(
            "the blob holds " + size + " bytes but the send recorded " + link.byteCount());
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "Link {}: the file of send {} could not be read from blob storage, so the link was not"
              + " used: {}",
          link.linkId(),
          link.sendId(),
          e instanceof BlobStorageException storage
              ? "blob storage answered " + storage.getStatusCode() + " " + storage.getErrorCode()
              : e.getMessage());
      Boolean released = release(use);
      jdbi.useExtension(
          DownloadDao.class,
          dao -> {
            long attempt = record(dao, link, AttemptOutcome.FILE_UNAVAILABLE, visitor);
            dao.audit(
                VISITOR,
                "link.download_failed",
                link.sendId(),
                link.linkId(),
                "unavailable",
                "file_unavailable",
                attempt,
                0L,
                released,
                visitor.requestId(),
                visitor.clientAddress(),
                visitor.userAgent());
          });
      return new DownloadOutcome.FileUnavailable();
    }
    use.attemptId =
        jdbi.withExtension(
            DownloadDao.class, dao -> record(dao, link, AttemptOutcome.STREAMING, visitor));
    return new DownloadOutcome.FileReady(
        link.filename(), link.byteCount(), out -> deliver(use, in, out));
  }

  /** One use of one link: what a stream needs to settle it either way. */
  private static final class Use {
    final DownloadLink link;
    final Instant usedAt;
    final Visitor visitor;
    long attemptId;

    Use(DownloadLink link, Instant usedAt, Visitor visitor) {
      this.link = link;
      this.usedAt = usedAt;
      this.visitor = visitor;
    }
  }

  /**
   * Streams the file, checking it as it goes: the last chunk is held back until the whole file's
   * size and SHA-256 match what the send recorded, so a recipient never receives a complete file
   * that is not the one exported. Any failure before the last byte gives the link back.
   */
  private void deliver(Use use, InputStream in, OutputStream out) throws IOException {
    long sent = 0;
    String failure = CONNECTION_CLOSED;
    long deadline = System.nanoTime() + MAX_STREAM.toNanos();
    try (in) {
      MessageDigest sha256 = sha256();
      byte[] held = new byte[BUFFER];
      byte[] next = new byte[BUFFER];
      int heldLength = 0;
      long read = 0;
      while (true) {
        int n;
        failure = "file_read_failed";
        n = in.readNBytes(next, 0, BUFFER);
        if (n <= 0) {
          break;
        }
        sha256.update(next, 0, n);
        read += n;
        failure = CONNECTION_CLOSED;
        if (heldLength > 0) {
          out.write(held, 0, heldLength);
          sent += heldLength;
        }
        byte[] swap = held;
        held = next;
        next = swap;
        heldLength = n;
        if (System.nanoTime() - deadline > 0) {
          failure = "too_slow";
          throw new IOException("The download took longer than " + MAX_STREAM);
        }
      }
      String digest = HexFormat.of().formatHex(sha256.digest());
      if (read != use.link.byteCount() || !digest.equals(use.link.sha256())) {
        failure = "file_check_failed";
        throw new IOException(
            "The file read from blob storage does not match the size and SHA-256 recorded for"
                + " send "
                + use.link.sendId());
      }
      failure = CONNECTION_CLOSED;
      if (heldLength > 0) {
        out.write(held, 0, heldLength);
        sent += heldLength;
      }
      out.flush();
    } catch (IOException e) {
      failed(use, sent, failure, e);
      if (CONNECTION_CLOSED.equals(failure)) {
        // The recipient has gone: nobody is left to tell, and the failure is recorded and logged.
        return;
      }
      throw e;
    } catch (RuntimeException | Error e) {
      failed(use, sent, failure, e);
      throw e;
    }
    delivered(use, sent);
  }

  private void delivered(Use use, long sent) {
    try {
      int marked = 0;
      for (int attempt = 1; attempt <= 3 && marked == 0; attempt++) {
        try {
          marked =
              jdbi.withExtension(
                  DownloadDao.class, dao -> dao.markDelivered(use.link.linkId(), use.usedAt));
          if (marked == 0) {
            LOG.error(
                "Link {}: delivered, but its use had been given back meanwhile", use.link.linkId());
            break;
          }
        } catch (RuntimeException e) {
          if (attempt == 3) {
            throw e;
          }
          LOG.warn(
              "Link {}: could not record the delivery yet: {}", use.link.linkId(), e.getMessage());
        }
      }
      jdbi.useExtension(
          DownloadDao.class,
          dao -> {
            dao.finishAttempt(use.attemptId, AttemptOutcome.DOWNLOADED.code(), sent);
            dao.audit(
                use.link.emailAddress(),
                "link.used",
                use.link.sendId(),
                use.link.linkId(),
                "ok",
                null,
                use.attemptId,
                sent,
                null,
                use.visitor.requestId(),
                use.visitor.clientAddress(),
                use.visitor.userAgent());
          });
      LOG.info(
          "Link {} of send {} used: {} bytes downloaded",
          use.link.linkId(),
          use.link.sendId(),
          sent);
    } catch (RuntimeException e) {
      LOG.error(
          "Link {}: the file was delivered but recording it failed; the use notifier will not"
              + " hear of it until it is recorded",
          use.link.linkId(),
          e);
      return;
    }
    notifier.signalSoon(use.link.linkId());
  }

  private void failed(Use use, long sent, String reason, Throwable cause) {
    try {
      Boolean released = release(use);
      jdbi.useExtension(
          DownloadDao.class,
          dao -> {
            dao.finishAttempt(use.attemptId, AttemptOutcome.STREAM_FAILED.code(), sent);
            dao.audit(
                VISITOR,
                "link.stream_failed",
                use.link.sendId(),
                use.link.linkId(),
                "failed",
                reason,
                use.attemptId,
                sent,
                released,
                use.visitor.requestId(),
                use.visitor.clientAddress(),
                use.visitor.userAgent());
          });
      LOG.warn(
          "Link {} of send {}: the download failed after {} bytes ({}: {}); the link was {}",
          use.link.linkId(),
          use.link.sendId(),
          sent,
          reason,
          cause.getMessage(),
          released == null ? "not ours to give back" : released ? "given back" : "revoked");
    } catch (RuntimeException e) {
      LOG.error(
          "Link {}: the download failed and the link could not be given back; the use notifier"
              + " will give it back later",
          use.link.linkId(),
          e);
    }
  }

  /** True when the link is live again, false when it was revoked instead, null when not ours. */
  private Boolean release(Use use) {
    return jdbi.withExtension(DownloadDao.class, dao -> dao.release(use.link.linkId(), use.usedAt))
        .orElse(null);
  }

  private Optional<DownloadLink> find(DownloadDao dao, String token) {
    if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
      return Optional.empty();
    }
    return dao.findByTokenHash(LinkTokens.sha256(token));
  }

  private DownloadOutcome.Landing landing(
      DownloadLink link, FormProblem problem, Integer attemptsLeft) {
    return new DownloadOutcome.Landing(
        FileDescriptions.details(link, settings.payerName()),
        formTokens.issue(link.linkId(), clock.instant()),
        problem,
        attemptsLeft);
  }

  private static LinkProblem problem(LinkState state) {
    return switch (state) {
      case USED -> LinkProblem.USED;
      case EXPIRED -> LinkProblem.EXPIRED;
      case REVOKED -> LinkProblem.REVOKED;
      case LIVE -> throw new IllegalArgumentException("A live link has no problem");
    };
  }

  private static long record(
      DownloadDao dao, DownloadLink link, AttemptOutcome outcome, Visitor visitor) {
    return dao.recordAttempt(
        link == null ? null : link.linkId(),
        visitor.method(),
        outcome.code(),
        outcome.counted(),
        visitor.clientAddress(),
        visitor.userAgent(),
        visitor.requestId());
  }

  private static void auditRefusal(
      DownloadDao dao, DownloadLink link, String reason, long attemptId, Visitor visitor) {
    dao.audit(
        VISITOR,
        "link.download_refused",
        link.sendId(),
        link.linkId(),
        "refused",
        reason,
        attemptId,
        null,
        null,
        visitor.requestId(),
        visitor.clientAddress(),
        visitor.userAgent());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
