package uk.gov.courier.download;

import java.time.Instant;
import java.util.UUID;

/** A link whose use the send's workflow has not yet been told of, or whose download was left. */
public record PendingUse(UUID id, UUID sendId, Instant usedAt) {}
