package uk.gov.courier.audit;

import java.time.LocalDate;

/**
 * Which sends an auditor lists; null fields match everything. {@code person} matches whoever
 * started or confirmed a send; {@code recipient} any address it went to (case-insensitive).
 */
public record AuditSearch(
    String kind,
    String state,
    LocalDate createdFrom,
    LocalDate createdTo,
    String recipient,
    String person,
    int page) {

  public static final int PAGE_SIZE = 25;

  public AuditSearch {
    page = Math.max(1, page);
  }
}
