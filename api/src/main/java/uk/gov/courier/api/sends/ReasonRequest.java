package uk.gov.courier.api.sends;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code {"reason": "..."}} for cancelling a send or revoking its links. */
public record ReasonRequest(
    @NotBlank(message = "is required: say why")
        @Size(max = 500, message = "must be 500 characters or fewer")
        String reason) {}
