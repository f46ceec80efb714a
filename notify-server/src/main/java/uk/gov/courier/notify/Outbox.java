package uk.gov.courier.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every email accepted, in memory and, when a file is given, appended to it as JSON lines and read
 * back at start.
 */
final class Outbox {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final Map<UUID, OutboxMessage> messages = new LinkedHashMap<>();
  private final Path file;

  private Outbox(Path file) {
    this.file = file;
  }

  static Outbox inMemory() {
    return new Outbox(null);
  }

  /** An outbox kept in {@code file}, holding whatever an earlier run left there. */
  static Outbox persistentIn(Path file) {
    Outbox outbox = new Outbox(file);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (Files.exists(file)) {
        outbox.load();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read outbox file " + file, e);
    }
    return outbox;
  }

  private void load() throws IOException {
    int lineNumber = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      try {
        OutboxMessage message = Json.MAPPER.readValue(line, OutboxMessage.class);
        messages.put(message.id(), message);
      } catch (IOException e) {
        LOG.warn("Skipped unreadable line {} of the outbox file", lineNumber);
      }
    }
    LOG.info("Loaded {} messages from the outbox file", messages.size());
  }

  synchronized void add(OutboxMessage message) {
    if (file != null) {
      try {
        Files.writeString(
            file,
            Json.MAPPER.writeValueAsString(message) + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot append to outbox file " + file, e);
      }
    }
    messages.put(message.id(), message);
  }

  synchronized List<OutboxMessage> newestFirst() {
    List<OutboxMessage> list = new ArrayList<>(messages.values());
    Collections.reverse(list);
    return List.copyOf(list);
  }

  synchronized Optional<OutboxMessage> find(UUID id) {
    return Optional.ofNullable(messages.get(id));
  }

  synchronized int size() {
    return messages.size();
  }

  synchronized void clear() {
    messages.clear();
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot clear outbox file " + file, e);
      }
    }
  }
}
