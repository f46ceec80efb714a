package uk.gov.courier.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's Chromium and ChromeDriver, installed with apt-get the first time a browser test needs
 * them (once per JVM), so {@code mvn -B verify} passes on a fresh machine. Without root, it says
 * exactly what to install instead.
 */
public final class Chromium {

  public static final Path BROWSER = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  /** The Debian packages that hold {@link #BROWSER} and {@link #DRIVER}. */
  public static final List<String> PACKAGES = List.of("chromium", "chromium-driver");

  private static final Logger LOG = LoggerFactory.getLogger(Chromium.class);
  private static final long APT_TIMEOUT_MINUTES = 15;
  private static String problem;

  private Chromium() {}

  /** Returns when both binaries exist, installing them first if need be; throws if it cannot. */
  public static synchronized void ensureInstalled() {
    if (installed()) {
      return;
    }
    if (problem != null) {
      throw new IllegalStateException(problem);
    }
    if (!Files.isExecutable(Path.of("/usr/bin/apt-get")) || !runningAsRoot()) {
      problem =
          "Browser tests need Debian's Chromium and ChromeDriver ("
              + BROWSER
              + ", "
              + DRIVER
              + "), which are missing. Install them as root, then run the tests again:\n"
              + "  apt-get update && apt-get install -y --no-install-recommends "
              + String.join(" ", PACKAGES)
              + "\n(The tests install them themselves when they run as root.)";
      throw new IllegalStateException(problem);
    }
    Path log = Path.of("target", "apt-chromium.log").toAbsolutePath();
    long started = System.nanoTime();
    LOG.info(
        "Installing Debian's {} for the browser tests (apt-get; output in {})",
        String.join(" and ", PACKAGES),
        log);
    List<String> install = new ArrayList<>(apt("install", "-y", "--no-install-recommends"));
    install.addAll(PACKAGES);
    // Install from the package lists the machine has; refresh them only if that fails.
    if (!run(install, log) && !(run(apt("update"), log) && run(install, log))) {
      problem =
          "apt-get could not install "
              + String.join(" ", PACKAGES)
              + " (see "
              + log
              + "). Install them by hand: apt-get update && apt-get install -y"
              + " --no-install-recommends "
              + String.join(" ", PACKAGES);
      throw new IllegalStateException(problem);
    }
    if (!installed()) {
      problem =
          "apt-get installed " + PACKAGES + " but " + BROWSER + " or " + DRIVER + " is absent";
      throw new IllegalStateException(problem);
    }
    LOG.info(
        "Installed Chromium and ChromeDriver in {} s",
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
  }

  public static boolean installed() {
    return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
  }

  private static List<String> apt(String... arguments) {
    List<String> command =
        new ArrayList<>(List.of("apt-get", "-q", "-o", "DPkg::Lock::Timeout=300"));
    command.addAll(List.of(arguments));
    return command;
  }

  private static boolean runningAsRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  private static boolean run(List<String> command, Path log) {
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          "$ " + String.join(" ", command) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
      Process process = builder.start();
      if (!process.waitFor(APT_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while installing Chromium", e);
    }
  }
}
