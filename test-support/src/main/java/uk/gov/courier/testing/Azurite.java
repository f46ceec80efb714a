package uk.gov.courier.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Azurite's blob service from the repository's pinned npm package, one per test JVM, on a free
 * loopback port, in memory, telemetry off. Runs {@code npm ci} first when node_modules is missing,
 * so a fresh clone needs nothing installed by hand.
 */
public final class Azurite {

  /** Azurite's well-known development account; not a secret. */
  public static final String ACCOUNT = "devstoreaccount1";

  public static final String ACCOUNT_KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private static Process process;
  private static int port;

  private Azurite() {}

  /** The connection string of the running emulator, starting it if needed. */
  public static synchronized String connectionString() {
    if (process == null || !process.isAlive()) {
      start();
    }
    return connectionString(port);
  }

  public static String connectionString(int port) {
    return "DefaultEndpointsProtocol=http;AccountName="
        + ACCOUNT
        + ";AccountKey="
        + ACCOUNT_KEY
        + ";BlobEndpoint=http://127.0.0.1:"
        + port
        + "/"
        + ACCOUNT
        + ";";
  }

  /** Stops the emulator, so tests can see how Courier behaves when blob storage is down. */
  public static synchronized void stop() {
    if (process != null) {
      process.destroy();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  private static void start() {
    Path root = RepositoryRoot.find();
    Path bin = root.resolve("node_modules/.bin/azurite-blob");
    if (!Files.isExecutable(bin)) {
      run(root, List.of("npm", "ci", "--no-audit", "--no-fund"), Duration.ofMinutes(5));
    }
    port = freePort();
    Path log = root.resolve("target/azurite-test.log");
    try {
      Files.createDirectories(log.getParent());
      process =
          new ProcessBuilder(
                  bin.toString(),
                  "--blobHost",
                  "127.0.0.1",
                  "--blobPort",
                  Integer.toString(port),
                  "--inMemoryPersistence",
                  "--disableTelemetry",
                  "--silent")
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start Azurite from " + bin, e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(Azurite::stop, "azurite-stop"));
    awaitPort(port, Duration.ofSeconds(30));
  }

  static void awaitPort(int port, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    throw new IllegalStateException("Nothing listened on 127.0.0.1:" + port + " within " + timeout);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void run(Path dir, List<String> command, Duration timeout) {
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed in " + dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(String.join(" ", command) + " could not start", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
