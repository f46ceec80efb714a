package uk.gov.courier.notify;

import java.util.UUID;

/** An email template as Notify holds it: a subject and a body in Notify markdown. */
record NotifyTemplate(UUID id, String name, int version, String subject, String body) {}
