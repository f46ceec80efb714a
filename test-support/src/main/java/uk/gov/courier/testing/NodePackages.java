package uk.gov.courier.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Installs the npm packages that the repository's package-lock.json pins (Azurite, axe-core). */
final class NodePackages {

  private NodePackages() {}

  /**
   * {@code npm ci} on a fresh clone; where node_modules exists but lacks a package the lock file
   * has gained since, {@code npm install --no-save}, which adds it without deleting node_modules
   * under an Azurite that may be running from it.
   */
  static synchronized void install(Path root) {
    List<String> command =
        Files.isDirectory(root.resolve("node_modules"))
            ? List.of("npm", "install", "--no-save", "--no-audit", "--no-fund")
            : List.of("npm", "ci", "--no-audit", "--no-fund");
    try {
      Process p = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start();
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed in " + root);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(String.join(" ", command) + " could not start", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
