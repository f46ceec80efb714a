package uk.gov.courier.sampling;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import uk.gov.courier.sampling.SampleClaimDao.ProviderAddress;
import uk.gov.courier.sampling.SampleClaimDao.SampleClaim;

/**
 * Checks every row of a sample against the claims it names, and builds the preview of a valid one.
 * Pure: the caller looks the claims up (in the confirming transaction, locked).
 *
 * <p>A row is wrong when its claim reference is missing or is not 8 digits, names no claim, names a
 * claim that is not {@code paid} (saying its status), or a claim already in a sampling send that is
 * still open; when its sample reason is missing or too long; or when its claim is also on an
 * earlier row (saying which).
 */
public final class SampleChecker {

  /** The longest sample reason, in characters. */
  public static final int MAX_REASON_LENGTH = 500;

  private static final Pattern REFERENCE = Pattern.compile("[0-9]{8}");
  private static final Pattern SHORT_NUMBER = Pattern.compile("[0-9]{1,7}");
  private static final int SHOWN_VALUE_LENGTH = 30;

  private SampleChecker() {}

  /** A row with the claim it names (or null) and its problems (empty when it is fine). */
  public record CheckedRow(SampleFileRow row, SampleClaim claim, List<String> errors) {

    public CheckedRow {
      errors = List.copyOf(errors);
    }
  }

  /** The references worth looking up: the well-formed ones, once each. */
  public static String[] references(Collection<SampleFileRow> rows) {
    return rows.stream()
        .map(SampleFileRow::claimReference)
        .filter(reference -> REFERENCE.matcher(reference).matches())
        .distinct()
        .toArray(String[]::new);
  }

  /** Checks each row; {@code claims} are the claims the references name. */
  public static List<CheckedRow> check(List<SampleFileRow> rows, Collection<SampleClaim> claims) {
    Map<String, SampleClaim> byReference = new HashMap<>();
    claims.forEach(claim -> byReference.put(claim.reference(), claim));
    Map<String, Integer> firstRow = new HashMap<>();
    List<CheckedRow> checked = new ArrayList<>();
    for (SampleFileRow row : rows) {
      String reference = row.claimReference();
      List<String> errors = new ArrayList<>();
      SampleClaim claim = null;
      Integer earlier = reference.isEmpty() ? null : firstRow.putIfAbsent(reference, row.row());
      if (earlier != null) {
        errors.add(
            "Claim " + shown(reference) + " is also on row " + earlier + ": list each claim once");
        checked.add(new CheckedRow(row, null, errors));
        continue;
      }
      if (reference.isEmpty()) {
        errors.add("The claim reference is missing");
      } else if (!REFERENCE.matcher(reference).matches()) {
        errors.add(malformed(reference));
      } else {
        claim = byReference.get(reference);
        if (claim == null) {
          errors.add("There is no claim " + reference);
        } else if (!"paid".equals(claim.status())) {
          errors.add(
              "Claim "
                  + reference
                  + " is "
                  + claim.status().replace('_', ' ')
                  + ", not paid: only paid claims can be sampled");
        } else if (claim.openSamplingSendId() != null) {
          errors.add("Claim " + reference + " is already in a sampling send that is still open");
        }
      }
      String reason = row.sampleReason();
      String forClaim = REFERENCE.matcher(reference).matches() ? " for claim " + reference : "";
      if (reason.isEmpty()) {
        errors.add("The sample reason" + forClaim + " is missing");
      } else if (reason.length() > MAX_REASON_LENGTH) {
        errors.add(
            "The sample reason"
                + forClaim
                + " is longer than "
                + MAX_REASON_LENGTH
                + " characters");
      }
      checked.add(new CheckedRow(row, claim, errors));
    }
    return checked;
  }

  /** The row errors, in row order. */
  public static List<SampleRowError> errors(List<CheckedRow> rows) {
    List<SampleRowError> errors = new ArrayList<>();
    for (CheckedRow checked : rows) {
      for (String message : checked.errors()) {
        errors.add(
            new SampleRowError(checked.row().row(), checked.row().claimReference(), message));
      }
    }
    return errors;
  }

  /** Counts per provider, by provider name, with each provider's addresses now. */
  public static SamplePreview preview(List<SampleClaim> claims, List<ProviderAddress> addresses) {
    Map<Long, List<String>> addressesByProvider = new HashMap<>();
    for (ProviderAddress address : addresses) {
      addressesByProvider
          .computeIfAbsent(address.providerId(), id -> new ArrayList<>())
          .add(address.emailAddress());
    }
    Map<Long, List<SampleClaim>> byProvider = new LinkedHashMap<>();
    for (SampleClaim claim : claims) {
      byProvider.computeIfAbsent(claim.providerId(), id -> new ArrayList<>()).add(claim);
    }
    TreeMap<String, ProviderPreview> sorted = new TreeMap<>();
    for (Map.Entry<Long, List<SampleClaim>> entry : byProvider.entrySet()) {
      List<SampleClaim> providerClaims = entry.getValue();
      List<String> emails = addressesByProvider.getOrDefault(entry.getKey(), List.of());
      ProviderPreview provider =
          new ProviderPreview(
              entry.getKey(),
              providerClaims.get(0).providerName(),
              providerClaims.size(),
              providerClaims.stream().mapToInt(SampleClaim::mentorTrainingCount).sum(),
              emails,
              emails.isEmpty());
      sorted.put(provider.providerName() + "\u0000" + provider.providerId(), provider);
    }
    List<ProviderPreview> providers = List.copyOf(sorted.values());
    return new SamplePreview(
        claims.size(),
        claims.stream().mapToInt(SampleClaim::mentorTrainingCount).sum(),
        providers.size(),
        (int) providers.stream().filter(ProviderPreview::noAddress).count(),
        providers);
  }

  private static String malformed(String reference) {
    String message =
        shown(reference)
            + " is not a claim reference: claim references are 8 digits, like 12345678";
    if (SHORT_NUMBER.matcher(reference).matches()) {
      message +=
          ". If it began with 0, a spreadsheet may have removed the 0: format the column as text";
    }
    return message;
  }

  /** A value from the file, shortened if it is long. */
  private static String shown(String value) {
    return value.length() <= SHOWN_VALUE_LENGTH
        ? value
        : value.substring(0, SHOWN_VALUE_LENGTH) + "…";
  }
}
