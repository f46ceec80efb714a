package uk.gov.courier.console.layout;

/** Which part of the console a page belongs to, for the service navigation. */
public enum Section {
  DASHBOARD,
  START_SEND,
  CLAIMS,
  USERS,
  AUDIT,
  NONE
}
