package uk.gov.courier.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.UndefinedEnvironmentVariableException;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.Test;
import uk.gov.courier.testing.RepositoryRoot;

/** The configuration files the project ships load and validate as they are documented. */
class ShippedConfigTest {

  private static final Map<String, String> PRODUCTION =
      Map.ofEntries(
          Map.entry("COURIER_DB_URL", "jdbc:postgresql://db.internal:5432/courier"),
          Map.entry("COURIER_DB_USER", "courier_app"),
          Map.entry("COURIER_DB_PASSWORD", "app-password"),
          Map.entry("COURIER_DB_MIGRATION_USER", "courier_owner"),
          Map.entry("COURIER_DB_MIGRATION_PASSWORD", "owner-password"),
          Map.entry("COURIER_TEMPORAL_TARGET", "temporal.internal:7233"),
          Map.entry(
              "COURIER_BLOB_CONNECTION_STRING",
              "DefaultEndpointsProtocol=https;AccountName=courier;AccountKey=a2V5;EndpointSuffix=core.windows.net"),
          Map.entry(
              "COURIER_NOTIFY_API_KEY",
              "courier_live-0f6c5a3e-6a1b-4c1e-9a51-3e7c2d9b8a10-5b9e2c7d-3f4a-4e8b-b1c6-d2a7f8e9c0b1"),
          Map.entry("COURIER_NOTIFY_PAYER_TEMPLATE_ID", "6f1c2b7e-3d4a-4b5c-8e9f-0a1b2c3d4e01"),
          Map.entry("COURIER_NOTIFY_PROVIDER_TEMPLATE_ID", "6f1c2b7e-3d4a-4b5c-8e9f-0a1b2c3d4e02"),
          Map.entry("COURIER_PAYER_NAME", "Payments agency"),
          Map.entry("COURIER_PAYER_EMAIL_ADDRESSES", "[finance@payer.example.org]"),
          Map.entry("COURIER_PUBLIC_BASE_URL", "https://courier.example.org"),
          Map.entry("COURIER_LINK_TOKEN_KEY", "0123456789abcdef0123456789abcdef0123456789"),
          Map.entry("COURIER_SUPPORT_EMAIL_ADDRESS", "support@example.org"));

  @Test
  void productionExampleLoadsWhenEveryRequiredVariableIsSet() throws Exception {
    CourierConfiguration config = load("deploy/config.example.yml", PRODUCTION);

    assertThat(config.getDemo().isLoadOnStart()).as("production has no demo users").isFalse();
    assertThat(config.getDatabase().isEmbedded()).isFalse();
    assertThat(config.getSends().isRequireSecondPerson()).isTrue();
    assertThat(config.getSends().getLinkLifetime().toDays()).isEqualTo(7);
    assertThat(config.getPayer().getEmailAddresses()).containsExactly("finance@payer.example.org");
  }

  @Test
  void productionExampleRefusesToStartWithoutASecretAndNamesIt() {
    Map<String, String> missing = new HashMap<>(PRODUCTION);
    missing.remove("COURIER_LINK_TOKEN_KEY");

    assertThatThrownBy(() -> load("deploy/config.example.yml", missing))
        .isInstanceOf(UndefinedEnvironmentVariableException.class)
        .hasMessageContaining("COURIER_LINK_TOKEN_KEY");
  }

  @Test
  void aTooShortLinkTokenKeyIsRefusedWithTheReason() {
    Map<String, String> weak = new HashMap<>(PRODUCTION);
    weak.put("COURIER_LINK_TOKEN_KEY", "short");

    assertThatThrownBy(() -> load("deploy/config.example.yml", weak))
        .isInstanceOf(ConfigurationValidationException.class)
        .hasMessageContaining("linkTokenKey must be at least 32 characters");
  }

  @Test
  void developmentConfigLoadsWithNoVariablesSet() throws Exception {
    CourierConfiguration config = load("deploy/dev/config.yml", Map.of());

    assertThat(config.getDatabase().isEmbedded()).isTrue();
    assertThat(config.getDemo().isLoadOnStart()).isTrue();
    assertThat(config.getTemporal().getTarget()).isEqualTo("127.0.0.1:7233");
  }

  /** Loads a shipped file as the application does, with {@code env} as the environment. */
  private static CourierConfiguration load(String file, Map<String, String> env) throws Exception {
    StringSubstitutor substitutor = new EnvironmentVariableSubstitutor(true);
    substitutor.setVariableResolver(
        name -> {
          if (env.containsKey(name)) {
            return env.get(name);
          }
          return null;
        });
    YamlConfigurationFactory<CourierConfiguration> factory =
        new YamlConfigurationFactory<>(
            CourierConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");
    return factory.build(
        new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), substitutor),
        RepositoryRoot.find().resolve(file).toString());
  }
}
