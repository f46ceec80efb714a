package uk.gov.courier.claims;

import java.time.LocalDate;

/** A period in which schools submit claims, e.g. "Claim window 2025 to 2026". */
public record ClaimWindow(long id, String name, LocalDate startsOn, LocalDate endsOn) {}
