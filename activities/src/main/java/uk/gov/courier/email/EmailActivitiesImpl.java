package uk.gov.courier.email;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.courier.audit.AuditDao;
import uk.gov.courier.audit.AuditEvent;
import uk.gov.courier.links.LinkDao;
import uk.gov.courier.links.LinkRow;
import uk.gov.courier.links.LinkTokens;
import uk.gov.courier.links.RecipientLabels;
import uk.gov.courier.persistence.DatabaseFailures;
import uk.gov.courier.sampling.ReturnDates;
import uk.gov.courier.sampling.SamplingSettings;
import uk.gov.courier.send.SendSettings;
import uk.gov.courier.workflows.common.FailureType;
import uk.gov.courier.workflows.send.EmailActivities;
import uk.gov.courier.workflows.send.SendKind;
import uk.gov.courier.workflows.send.SendWorkflowContract;
import uk.gov.courier.workflows.send.SentEmail;

/**
 * Emails one link through GOV.UK Notify, never twice.
 *
 * <ol>
 *   <li>If the link already records a Notify ID, that email is the answer.
 *   <li>If an earlier attempt called Notify ({@code links.email_attempted_at}), Notify may have
 *       accepted it even though the answer was lost: look the reference (the link ID) up first and,
 *       if Notify has the email, record it and stop.
 *   <li>Otherwise wait for a slot from the {@link NotifyPacer} (so every worker together stays
 *       under Notify's rate limit), note the attempt, then send with the reference set to the link
 *       ID, and record the Notify ID and time on the link.
 * </ol>
 *
 * <p>Payer files use the payer template; a provider's sample uses the provider template, with the
 * provider's name and the date by which to return the file.
 *
 * <p>The download address is built here from the link ID ({@link LinkTokens}) and goes only into
 * the email: it is never returned, stored or logged.
 */
public final class EmailActivitiesImpl implements EmailActivities {

  private static final Logger LOG = LoggerFactory.getLogger(EmailActivitiesImpl.class);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final Jdbi jdbi;
  private final NotifyGateway notify;
  private final LinkTokens tokens;
  private final SendSettings settings;
  private final SamplingSettings sampling;
  private final NotifyPacer pacer;

  /** With sampling's default settings and pacing at Notify's default limit. */
  public EmailActivitiesImpl(
      Jdbi jdbi, NotifyGateway notify, LinkTokens tokens, SendSettings settings) {
    this(
        jdbi,
        notify,
        tokens,
        settings,
        SamplingSettings.defaults(),
        new NotifyPacer(jdbi, NotifyPacer.DEFAULT_MESSAGES_PER_MINUTE));
  }

  public EmailActivitiesImpl(
      Jdbi jdbi,
      NotifyGateway notify,
      LinkTokens tokens,
      SendSettings settings,
      SamplingSettings sampling,
      NotifyPacer pacer) {
    this.jdbi = jdbi;
    this.notify = notify;
    this.tokens = tokens;
    this.settings = settings;
    this.sampling = sampling;
    this.pacer = pacer;
  }

  @Override
  public SentEmail sendLinkEmail(UUID linkId) {
    LinkEmail link =
        DatabaseFailures.guard(() -> jdbi.onDemand(EmailDao.class).find(linkId))
            .orElseThrow(() -> FailureType.UNEXPECTED.failure("There is no link " + linkId));
    if (link.notifyId() != null) {
      return new SentEmail(link.notifyId().toString(), link.emailedAt());
    }
    String label = label(link);
    try {
      if (link.emailAttemptedAt() != null) {
        Optional<SentNotification> earlier = notify.findEmailByReference(linkId.toString());
        if (earlier.isPresent()) {
          LOG.info("Link {}: Notify already had its email {}", linkId, earlier.get().id());
          return record(link, label, earlier.get(), true);
        }
      }
      pacer.awaitSlot();
      DatabaseFailures.guard(() -> jdbi.onDemand(LinkDao.class).markEmailAttempt(linkId));
      SentNotification sent =
          notify.sendEmail(
              templateId(link), link.emailAddress(), personalisation(link), linkId.toString());
      LOG.info("Link {}: Notify accepted email {}", linkId, sent.id());
      return record(link, label, sent, false);
    } catch (NotifyException e) {
      FailureType type =
          e.permanent() ? FailureType.NOTIFY_REJECTED : FailureType.NOTIFY_UNAVAILABLE;
      String message =
          (e.permanent()
                  ? "GOV.UK Notify refused the email to "
                  : "GOV.UK Notify could not take the email to ")
              + label
              + ": "
              + e.getMessage();
      LOG.warn("Link {}: {}", linkId, message);
      recordError(linkId, message);
      throw type.failure(message);
    }
  }

  private SentEmail record(
      LinkEmail link, String label, SentNotification sent, boolean foundByReference) {
    LinkRow stored =
        DatabaseFailures.guard(
            () ->
                jdbi.inTransaction(
                    handle -> {
                      LinkDao links = handle.attach(LinkDao.class);
                      links.recordEmailed(link.linkId(), sent.id(), sent.createdAt());
                      LinkRow row = links.find(link.linkId()).orElseThrow();
                      handle
                          .attach(AuditDao.class)
                          .insert(
                              AuditEvent.of(
                                      SendWorkflowContract.SYSTEM_ACTOR,
                                      "email.accepted",
                                      link.sendId(),
                                      Map.of(
                                          "notification_id", row.notifyId(),
                                          "recipient", label,
                                          "found_by_reference", foundByReference))
                                  .at(row.emailedAt())
                                  .link(link.linkId())
                                  .once("email.accepted:" + link.linkId()));
                      return row;
                    }));
    return new SentEmail(stored.notifyId().toString(), stored.emailedAt());
  }

  private void recordError(UUID linkId, String message) {
    try {
      jdbi.onDemand(LinkDao.class).recordEmailError(linkId, message);
    } catch (RuntimeException e) {
      LOG.warn("Link {}: could not record the email error ({})", linkId, e.getClass().getName());
    }
  }

  private String templateId(LinkEmail link) {
    return switch (SendKind.fromCode(link.kind())) {
      case PAYMENTS, CLAWBACKS -> settings.payerTemplateId();
      case SAMPLING -> settings.providerTemplateId();
    };
  }

  /**
   * The template's values. A provider's sample says whose claims they are and by when to return the
   * file: {@link SamplingSettings#returnWithinDays()} after the send's first link was made (off
   * weekends), so a resend keeps the date the provider was first given.
   */
  private Map<String, String> personalisation(LinkEmail link) {
    Map<String, String> values = new LinkedHashMap<>();
    boolean sample = SendKind.fromCode(link.kind()) == SendKind.SAMPLING;
    if (sample) {
      values.put("provider_name", link.providerName() == null ? "" : link.providerName());
    } else {
      values.put("file_description", fileDescription(link));
    }
    values.put(
        "row_count",
        NumberFormat.getIntegerInstance(Locale.UK)
            .format(link.rowCount() == null ? 0 : link.rowCount()));
    values.put("download_link", tokens.url(settings.publicBaseUrl(), link.linkId()));
    values.put("expiry_date", GovUkDates.timeOnDate(link.expiresAt()));
    if (sample) {
      Instant from = link.firstLinkAt() == null ? Instant.now() : link.firstLinkAt();
      values.put(
          "return_by_date",
          GovUkDates.date(ReturnDates.returnBy(from, sampling.returnWithinDays())));
    }
    values.put("support_email", settings.supportEmailAddress());
    return values;
  }

  /** E.g. "Payments file for Claim window 2025 to 2026", "Clawbacks file of 4 December 2026". */
  static String fileDescription(LinkEmail link) {
    SendKind kind = SendKind.fromCode(link.kind());
    String day = LocalDate.ofInstant(link.sendCreatedAt(), GovUkDates.UK).format(DAY);
    return switch (kind) {
      case PAYMENTS ->
          link.claimWindowName() == null
              ? "Payments file of " + day
              : "Payments file for " + link.claimWindowName();
      case CLAWBACKS -> "Clawbacks file of " + day;
      case SAMPLING -> "Sample file of " + day;
    };
  }

  private static String label(LinkEmail link) {
    int index = link.recipientIndex() == null ? 0 : link.recipientIndex();
    return RecipientLabels.label(
        link.emailAddress(), index, Math.max(link.recipientCount(), index + 1));
  }
}
