package uk.gov.courier.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/** The payments agency: who receives payments and clawbacks files. */
public class PayerConfig {

  @JsonProperty @NotBlank private String name = "Payments agency";

  @JsonProperty @NotEmpty private List<@NotBlank @Email String> emailAddresses = List.of();

  public String getName() {
    return name;
  }

  public List<String> getEmailAddresses() {
    return emailAddresses;
  }
}
