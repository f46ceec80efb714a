package uk.gov.courier.notify;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How to run a {@link NotifyServer}.
 *
 * @param host the address to listen on
 * @param port the port, or 0 for any free port
 * @param apiKey the one API key accepted, {@code {key_name}-{service_id}-{secret}}
 * @param templatesDir a folder of template files to use instead of the bundled ones, or null
 * @param dataDir a folder to keep the outbox in ({@code outbox.jsonl}), or null for memory only
 * @param rateLimitPerMinute sends allowed in any 60 seconds before 429; 0 for no limit
 * @param clock the clock for JWT {@code iat} checks, timestamps and the rate limit
 */
public record NotifyServerConfig(
    String host,
    int port,
    String apiKey,
    Path templatesDir,
    Path dataDir,
    int rateLimitPerMinute,
    Clock clock) {

  /** A development key; never a real one. */
  public static final String DEV_API_KEY =
      "courier_dev-0f6c5a3e-6a1b-4c1e-9a51-3e7c2d9b8a10-5b9e2c7d-3f4a-4e8b-b1c6-d2a7f8e9c0b1";

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8025;
  public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 3000;

  public NotifyServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(clock, "clock");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be from 0 to 65535: " + port);
    }
    if (rateLimitPerMinute < 0) {
      throw new IllegalArgumentException("rate limit must be 0 (none) or more");
    }
    ApiKey.parse(apiKey);
  }

  /** 127.0.0.1:8025, the development key, bundled templates, memory only, 3000 a minute. */
  public static NotifyServerConfig defaults() {
    return new NotifyServerConfig(
        DEFAULT_HOST,
        DEFAULT_PORT,
        DEV_API_KEY,
        null,
        null,
        DEFAULT_RATE_LIMIT_PER_MINUTE,
        Clock.systemUTC());
  }

  /** The defaults on a free port: for tests. */
  public static NotifyServerConfig forTests() {
    return defaults().withPort(0);
  }

  public NotifyServerConfig withHost(String host) {
    return new NotifyServerConfig(
        host, port, apiKey, templatesDir, dataDir, rateLimitPerMinute, clock);
  }

  public NotifyServerConfig withPort(int port) {
    return new NotifyServerConfig(
        host, port, apiKey, templatesDir, dataDir, rateLimitPerMinute, clock);
  }

  public NotifyServerConfig withApiKey(String apiKey) {
    return new NotifyServerConfig(
        host, port, apiKey, templatesDir, dataDir, rateLimitPerMinute, clock);
  }

  public NotifyServerConfig withTemplatesDir(Path templatesDir) {
    return new NotifyServerConfig(
        host, port, apiKey, templatesDir, dataDir, rateLimitPerMinute, clock);
  }

  public NotifyServerConfig withDataDir(Path dataDir) {
    return new NotifyServerConfig(
        host, port, apiKey, templatesDir, dataDir, rateLimitPerMinute, clock);
  }

  public NotifyServerConfig withRateLimitPerMinute(int rateLimitPerMinute) {
    return new NotifyServerConfig(
        host, port, apiKey, templatesDir, dataDir, rateLimitPerMinute, clock);
  }

  public NotifyServerConfig withClock(Clock clock) {
    return new NotifyServerConfig(
        host, port, apiKey, templatesDir, dataDir, rateLimitPerMinute, clock);
  }

  /** The service id part of the API key (not secret). */
  public String serviceId() {
    return ApiKey.parse(apiKey).serviceId();
  }

  /** Never shows the API key. */
  @Override
  public String toString() {
    return "NotifyServerConfig[host="
        + host
        + ", port="
        + port
        + ", apiKey=(hidden), templatesDir="
        + templatesDir
        + ", dataDir="
        + dataDir
        + ", rateLimitPerMinute="
        + rateLimitPerMinute
        + "]";
  }
}
