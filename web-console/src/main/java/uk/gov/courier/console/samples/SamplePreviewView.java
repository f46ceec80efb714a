package uk.gov.courier.console.samples;

import java.util.List;
import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.ConsoleUser;
import uk.gov.courier.console.layout.ConsolePageView;
import uk.gov.courier.console.layout.Formats;
import uk.gov.courier.console.layout.Section;
import uk.gov.courier.sampling.ProviderPreview;
import uk.gov.courier.sampling.SampleCheck;
import uk.gov.courier.sampling.SamplePreview;

/**
 * {@code sample-preview.mustache}: a sample with no errors, as it would be sent now: counts, and
 * for each provider its claims, mentor trainings and addresses, with a warning for providers that
 * have no address. Support confirm the upload here; once confirmed, the page links to its send.
 */
public final class SamplePreviewView extends ConsolePageView {

  private final SampleCheck check;

  public SamplePreviewView(SampleCheck check, ConsoleUser user, ConsoleSettings settings) {
    super("sample-preview.mustache", "Check the sample", user, settings, Section.START_SEND);
    this.check = check;
  }

  private SamplePreview preview() {
    return check.preview();
  }

  public String getUploadId() {
    return check.uploadId().toString();
  }

  public String getFilename() {
    return check.filename();
  }

  public String getUploadedBy() {
    return check.uploadedBy();
  }

  public String getUploadedAt() {
    return Formats.dateTime(check.uploadedAt());
  }

  public boolean hasPreview() {
    return preview() != null;
  }

  public String getClaims() {
    return preview() == null ? "0" : Formats.count(preview().claimCount());
  }

  public String getMentorTrainings() {
    return preview() == null ? "0" : Formats.count(preview().mentorTrainingCount());
  }

  public String getProviderCount() {
    return preview() == null ? "0" : Formats.count(preview().providerCount());
  }

  public String getAddressCount() {
    return preview() == null
        ? "0"
        : Formats.count(
            preview().providers().stream().mapToInt(p -> p.emailAddresses().size()).sum());
  }

  public boolean hasProvidersWithoutAddress() {
    return preview() != null && preview().providersWithoutAddress() > 0;
  }

  public String getProvidersWithoutAddressPhrase() {
    return preview() == null
        ? ""
        : Formats.plural(preview().providersWithoutAddress(), "provider has", "providers have");
  }

  public List<ProviderRow> getProviders() {
    return preview() == null
        ? List.of()
        : preview().providers().stream().map(ProviderRow::new).toList();
  }

  public boolean isValid() {
    return check.valid();
  }

  public boolean isConfirmed() {
    return SampleCheck.CONFIRMED.equals(check.status());
  }

  public String getSendHref() {
    return check.sendId() == null ? null : "/sends/" + check.sendId();
  }

  public boolean isCanConfirm() {
    return isValid() && isSupport();
  }

  public boolean isReadOnly() {
    return isValid() && !isSupport();
  }

  /** One provider, for the table. */
  public static final class ProviderRow {
    private final ProviderPreview provider;

    ProviderRow(ProviderPreview provider) {
      this.provider = provider;
    }

    public String getName() {
      return provider.providerName();
    }

    public String getClaims() {
      return Formats.count(provider.claimCount());
    }

    public String getMentorTrainings() {
      return Formats.count(provider.mentorTrainingCount());
    }

    public List<String> getAddresses() {
      return provider.emailAddresses();
    }

    public boolean isNoAddress() {
      return provider.noAddress();
    }
  }
}
