package uk.gov.courier.send;

import java.util.List;
import uk.gov.courier.audit.AuditEntry;

/** A send with everything recorded about it, oldest first. */
public record SendDetail(SendView send, List<AuditEntry> timeline) {

  public SendDetail {
    timeline = List.copyOf(timeline);
  }
}
