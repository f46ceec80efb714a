package uk.gov.courier.users;

/** What an admin types to add a user. {@code role} is the lower-case role name. */
public record NewUser(String email, String displayName, String role) {}
