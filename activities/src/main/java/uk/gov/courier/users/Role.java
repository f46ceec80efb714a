package uk.gov.courier.users;

import java.util.Locale;

/** What a signed-in person may do. Stored in lower case. */
public enum Role {
  /** Starts, confirms, cancels, resends and revokes sends. */
  SUPPORT,
  /** Reads everything, changes nothing. */
  AUDITOR,
  /** Manages users; reads everything. */
  ADMIN;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
