package uk.gov.courier.notify;

import java.net.IDN;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Notify's email address check (notifications-utils {@code validate_email_address}). */
final class EmailAddresses {

  private static final Pattern EMAIL =
      Pattern.compile("^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~\\-]+@([^.@][^@\\s]+)$");
  private static final Pattern HOSTNAME_PART =
      Pattern.compile("^(xn|[a-z0-9]+)(-?-[a-z0-9]+)*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern TLD_PART =
      Pattern.compile("^([a-z]{2,63}|xn--([a-z0-9]+-)*[a-z0-9]+)$", Pattern.CASE_INSENSITIVE);

  static boolean isValid(String emailAddress) {
    if (emailAddress == null) {
      return false;
    }
    String address = emailAddress.strip();
    Matcher match = EMAIL.matcher(address);
    if (!match.matches() || address.length() > 320 || address.contains("..")) {
      return false;
    }
    String hostname;
    try {
      hostname = IDN.toASCII(match.group(1), IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String[] parts = hostname.split("\\.", -1);
    if (hostname.length() > 253 || parts.length < 2) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 63 || !HOSTNAME_PART.matcher(part).matches()) {
        return false;
      }
    }
    return TLD_PART.matcher(parts[parts.length - 1]).matches();
  }

  private EmailAddresses() {}
}
