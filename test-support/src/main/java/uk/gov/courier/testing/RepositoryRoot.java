package uk.gov.courier.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's root folder from wherever Maven runs a module's tests. */
public final class RepositoryRoot {

  private RepositoryRoot() {}

  public static Path find() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("package.json")) && Files.exists(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "No repository root (package.json beside pom.xml) above " + dir);
  }
}
