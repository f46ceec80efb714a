package uk.gov.courier.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GOV.UK Notify-compatible HTTP server for development and tests. It speaks Notify's v2 email API
 * to the official client, checks its JWT, renders templates into an outbox and can be told to fail.
 * Thread-safe.
 *
 * <pre>{@code
 * try (NotifyServer notify = NotifyServer.start(NotifyServerConfig.forTests())) {
 *   var client = new NotificationClient(NotifyServerConfig.DEV_API_KEY, notify.baseUrl());
 *   ...
 *   assertThat(notify.outbox()).hasSize(1);
 * }
 * }</pre>
 */
public final class NotifyServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NotifyServer.class);
  private static final String FROM_EMAIL = "courier@notifications.service.gov.uk";
  private static final int WORKER_THREADS = 16;

  private final NotifyServerConfig config;
  private final HttpServer http;
  private final ExecutorService workers;
  private final Outbox outbox;
  private final FaultInjector faults;
  private final String baseUrl;
  private final AtomicBoolean closed = new AtomicBoolean();

  private NotifyServer(
      NotifyServerConfig config,
      HttpServer http,
      ExecutorService workers,
      Outbox outbox,
      FaultInjector faults,
      String baseUrl) {
    this.config = config;
    this.http = http;
    this.workers = workers;
    this.outbox = outbox;
    this.faults = faults;
    this.baseUrl = baseUrl;
  }

  /**
   * Starts a server and returns once it is listening.
   *
   * @throws UncheckedIOException if the port cannot be bound or the data folder cannot be read
   * @throws IllegalArgumentException if a template file is not valid
   */
  public static NotifyServer start(NotifyServerConfig config) {
    ApiKey apiKey = ApiKey.parse(config.apiKey());
    TemplateStore templates =
        config.templatesDir() == null
            ? TemplateStore.fromClasspath()
            : TemplateStore.fromDirectory(config.templatesDir());
    Outbox outbox =
        config.dataDir() == null
            ? Outbox.inMemory()
            : Outbox.persistentIn(config.dataDir().resolve("outbox.jsonl"));
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on " + config.host() + ":" + config.port(), e);
    }
    String baseUrl = "http://" + urlHost(config.host()) + ":" + http.getAddress().getPort();
    FaultInjector faults = new FaultInjector();
    NotificationService service =
        new NotificationService(
            templates,
            outbox,
            new RateLimiter(config.rateLimitPerMinute(), config.clock()),
            config.clock());
    NotificationsResource notifications =
        new NotificationsResource(
            service,
            new JwtAuthenticator(apiKey, config.clock()),
            faults,
            new NotificationJson(baseUrl, apiKey.serviceId(), FROM_EMAIL),
            baseUrl,
            config::rateLimitPerMinute);
    http.createContext("/v2/", new EndpointHandler(notifications));
    http.createContext("/_faults", new EndpointHandler(new FaultsResource(faults)));
    http.createContext("/", new EndpointHandler(new OutboxResource(outbox)));
    ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS, daemonThreads());
    http.setExecutor(workers);
    http.start();
    LOG.info(
        "Started on {} with {} templates and {} messages in the outbox",
        baseUrl,
        templates.all().size(),
        outbox.size());
    return new NotifyServer(config, http, workers, outbox, faults, baseUrl);
  }

  private static String urlHost(String host) {
    if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
      return "127.0.0.1";
    }
    return host.contains(":") ? "[" + host + "]" : host;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "notify-server-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  public int port() {
    return http.getAddress().getPort();
  }

  /** For example {@code http://127.0.0.1:8025}: give it to the client as its base URL. */
  public String baseUrl() {
    return baseUrl;
  }

  public NotifyServerConfig config() {
    return config;
  }

  /** Every email accepted, newest first. Its size is the number of sends accepted. */
  public List<OutboxMessage> outbox() {
    return outbox.newestFirst();
  }

  public void clearOutbox() {
    outbox.clear();
  }

  /**
   * The next {@code count} requests to {@code /v2/*} fail with {@code status} (400, 403, 429 or
   * 500) in Notify's error shape, and nothing is sent.
   */
  public void failNext(int status, int count) {
    faults.failNext(new Fault(status, false), count);
  }

  /**
   * The next {@code count} requests to {@code /v2/*} are carried out (a send reaches the outbox)
   * but answered with {@code status}: Notify accepted the message, the client never heard.
   */
  public void failNextAfterAccepting(int status, int count) {
    faults.failNext(new Fault(status, true), count);
  }

  public void clearFaults() {
    faults.clear();
  }

  /** Stops listening. Safe to call more than once. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    http.stop(0);
    workers.shutdown();
    try {
      if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    LOG.info("Stopped {}", baseUrl);
  }
}
