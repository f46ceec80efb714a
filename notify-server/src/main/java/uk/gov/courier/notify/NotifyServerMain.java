package uk.gov.courier.notify;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the server from the command line. Flags win over environment variables, which win over the
 * defaults. Prints one line with its URL and outbox URL; stops cleanly on SIGTERM or Ctrl+C.
 */
public final class NotifyServerMain {

  static final String USAGE =
      """
      Usage: java -jar notify-server.jar [options]
        --port N                   port to listen on (env NOTIFY_SERVER_PORT, default 8025; 0 = any free port)
        --host ADDRESS             address to listen on (env NOTIFY_SERVER_HOST, default 127.0.0.1)
        --api-key KEY              the API key clients use (env NOTIFY_API_KEY, default a development key)
        --templates DIR            read templates from DIR instead of the bundled ones (env NOTIFY_SERVER_TEMPLATES)
        --data-dir DIR             keep the outbox in DIR/outbox.jsonl across runs (env NOTIFY_SERVER_DATA_DIR)
        --rate-limit-per-minute N  sends allowed in any 60 seconds, 0 = no limit (env NOTIFY_SERVER_RATE_LIMIT_PER_MINUTE, default 3000)
        --help                     show this help
      """;

  private static final Map<String, String> FLAG_ENV =
      Map.of(
          "--port", "NOTIFY_SERVER_PORT",
          "--host", "NOTIFY_SERVER_HOST",
          "--api-key", "NOTIFY_API_KEY",
          "--templates", "NOTIFY_SERVER_TEMPLATES",
          "--data-dir", "NOTIFY_SERVER_DATA_DIR",
          "--rate-limit-per-minute", "NOTIFY_SERVER_RATE_LIMIT_PER_MINUTE");

  public static void main(String[] args) throws InterruptedException {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "notify-server-logback.xml");
    }
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.print(USAGE);
      return;
    }
    NotifyServerConfig config;
    try {
      config = parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("notify-server: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    NotifyServer server;
    try {
      server = NotifyServer.start(config);
    } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      String cause = e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")";
      System.err.println("notify-server: " + e.getMessage() + cause);
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "notify-server-shutdown"));
    System.out.println(
        "notify-server listening on "
            + server.baseUrl()
            + " - outbox at "
            + server.baseUrl()
            + "/_outbox.html");
    System.out.flush();
    stopped.await();
  }

  /** The configuration from {@code --flag value} or {@code --flag=value} arguments and env. */
  static NotifyServerConfig parse(String[] args, Map<String, String> env) {
    Map<String, String> values = new HashMap<>();
    FLAG_ENV.forEach(
        (flag, variable) -> {
          String value = env.get(variable);
          if (value != null && !value.isBlank()) {
            values.put(flag, value.strip());
          }
        });
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String flag = arg;
      String value;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        flag = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        value = null;
      }
      if (!FLAG_ENV.containsKey(flag)) {
        throw new IllegalArgumentException("unknown option " + flag);
      }
      if (value == null) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      values.put(flag, value);
    }
    NotifyServerConfig config = NotifyServerConfig.defaults();
    if (values.containsKey("--host")) {
      config = config.withHost(values.get("--host"));
    }
    if (values.containsKey("--port")) {
      config = config.withPort(number("--port", values.get("--port")));
    }
    if (values.containsKey("--api-key")) {
      config = config.withApiKey(values.get("--api-key"));
    }
    if (values.containsKey("--templates")) {
      config = config.withTemplatesDir(Path.of(values.get("--templates")));
    }
    if (values.containsKey("--data-dir")) {
      config = config.withDataDir(Path.of(values.get("--data-dir")));
    }
    if (values.containsKey("--rate-limit-per-minute")) {
      config =
          config.withRateLimitPerMinute(
              number("--rate-limit-per-minute", values.get("--rate-limit-per-minute")));
    }
    return config;
  }

  private static int number(String flag, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " must be a whole number: " + value);
    }
  }

  private NotifyServerMain() {}
}
