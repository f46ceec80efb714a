package uk.gov.courier.send;

import java.time.Instant;

/** The exported file: what an auditor needs to identify exactly what went out. */
public record FileView(
    String filename, long rowCount, long byteCount, String sha256, Instant exportedAt) {}
