package uk.gov.courier.audit;

import java.time.Instant;

/**
 * One workflow history event in plain words.
 *
 * @param eventId Temporal's event number
 * @param time when it happened
 * @param type the event type in plain words, e.g. "Activity completed"
 * @param name the activity, signal, update, timer or child workflow it concerns, if any
 * @param details the meaningful fields: decoded inputs and results, failure messages, attempts
 * @param failure true for failures and time-outs
 */
public record HistoryEventRow(
    long eventId, Instant time, String type, String name, String details, boolean failure) {}
