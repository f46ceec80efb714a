package uk.gov.courier.console.sends;

import java.util.List;

/** A table of sends for {@code partials/send-table.mustache}. */
public record SendTable(String caption, List<SendSummaryRow> rows) {}
