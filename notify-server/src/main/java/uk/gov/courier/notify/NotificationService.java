package uk.gov.courier.notify;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends (into the outbox) and looks up emails, applying Notify's rules in Notify's order. */
final class NotificationService {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

  private final TemplateStore templates;
  private final Outbox outbox;
  private final RateLimiter rateLimiter;
  private final Clock clock;

  NotificationService(
      TemplateStore templates, Outbox outbox, RateLimiter rateLimiter, Clock clock) {
    this.templates = templates;
    this.outbox = outbox;
    this.rateLimiter = rateLimiter;
    this.clock = clock;
  }

  OutboxMessage sendEmail(SendEmailRequest request) {
    if (!rateLimiter.tryAcquire()) {
      throw NotifyApiException.rateLimited(rateLimiter.limit());
    }
    NotifyTemplate template =
        templates
            .find(request.templateId())
            .orElseThrow(() -> NotifyApiException.badRequest("Template not found"));
    List<String> missing =
        TemplateRenderer.missingPersonalisation(template, request.personalisation());
    if (!missing.isEmpty()) {
      throw NotifyApiException.badRequest("Missing personalisation: " + String.join(", ", missing));
    }
    TemplateRenderer.RenderedEmail email =
        TemplateRenderer.render(template, request.personalisation());
    OutboxMessage message =
        new OutboxMessage(
            UUID.randomUUID(),
            request.emailAddress(),
            template.id(),
            request.reference(),
            request.personalisation(),
            email.subject(),
            email.body(),
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            template.version(),
            request.emailReplyToId());
    outbox.add(message);
    LOG.info("Accepted email {} using template {}", message.id(), template.id());
    return message;
  }

  Optional<OutboxMessage> find(UUID id) {
    return outbox.find(id);
  }

  List<OutboxMessage> newestFirst() {
    return outbox.newestFirst();
  }
}
