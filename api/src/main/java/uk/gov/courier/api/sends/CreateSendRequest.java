package uk.gov.courier.api.sends;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/** {@code {"kind": "payments", "claim_window_id": 2}} or {@code {"kind": "clawbacks"}}. */
public record CreateSendRequest(
    @NotBlank(message = "is required: payments or clawbacks")
        @Pattern(regexp = "payments|clawbacks", message = "must be payments or clawbacks")
        String kind,
    @Positive(message = "must be the ID of a claim window") Long claimWindowId) {}
