package uk.gov.courier.send;

import java.time.Duration;

/**
 * What a person checks before confirming a send: the send, the first rows of its file, and what
 * confirming will do.
 *
 * @param linkLifetime how long each link will work after its email
 * @param claimStatusNow the status the send's claims are in
 * @param claimStatusAfter the status they move to once the file has gone out
 */
public record SendCheck(
    SendView send,
    CsvPreview preview,
    Duration linkLifetime,
    boolean requireSecondPerson,
    String claimStatusNow,
    String claimStatusAfter) {}
