package uk.gov.courier.audit;

import java.util.List;

/** One page of the auditor's list of sends, and how many match in all. */
public record AuditSendPage(List<AuditSendRow> rows, long total, AuditSearch search) {

  public long pages() {
    return Math.max(1, (total + AuditSearch.PAGE_SIZE - 1) / AuditSearch.PAGE_SIZE);
  }
}
