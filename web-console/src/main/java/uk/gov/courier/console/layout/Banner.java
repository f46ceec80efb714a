package uk.gov.courier.console.layout;

/**
 * A GOV.UK notification banner: {@code success} for "you did it" (green, announced at once),
 * otherwise an important notice (blue).
 */
public record Banner(String heading, String body, boolean success) {

  public String getTitle() {
    return success ? "Success" : "Important";
  }

  public String getRole() {
    return success ? "alert" : "region";
  }
}
