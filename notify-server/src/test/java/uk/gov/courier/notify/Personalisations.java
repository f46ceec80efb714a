package uk.gov.courier.notify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Template ids and complete personalisation for the bundled templates. */
final class Personalisations {

  static final String PAYER_TEMPLATE_ID = "6f1c2b7e-3d4a-4b5c-8e9f-0a1b2c3d4e01";
  static final String PROVIDER_TEMPLATE_ID = "6f1c2b7e-3d4a-4b5c-8e9f-0a1b2c3d4e02";

  static Map<String, Object> payer() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("file_description", "Claims for payment, summer term 2025");
    values.put("row_count", 42);
    values.put("download_link", "https://courier.example/d/abc123");
    values.put("expiry_date", "5pm on 17 January 2025");
    values.put("support_email", "support@courier.example");
    return values;
  }

  static Map<String, Object> provider() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("provider_name", "Best Practice Network");
    values.put("row_count", "7");
    values.put("download_link", "https://courier.example/d/def456");
    values.put("expiry_date", "5pm on 17 January 2025");
    values.put("return_by_date", "31 January 2025");
    values.put("support_email", "support@courier.example");
    return values;
  }

  static String reference() {
    return UUID.randomUUID().toString();
  }

  private Personalisations() {}
}
