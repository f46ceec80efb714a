package uk.gov.courier.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** The templates the server knows, read once at start from a folder of {@code *.txt} files. */
final class TemplateStore {

  static final String CLASSPATH_FOLDER = "notify-templates";

  private final Map<UUID, NotifyTemplate> templates;

  private TemplateStore(Map<UUID, NotifyTemplate> templates) {
    this.templates = Map.copyOf(templates);
  }

  /** The templates in {@code notify-templates/} on the classpath (in a jar or a folder). */
  static synchronized TemplateStore fromClasspath() {
    URL url = TemplateStore.class.getClassLoader().getResource(CLASSPATH_FOLDER);
    if (url == null) {
      throw new IllegalStateException("No " + CLASSPATH_FOLDER + " folder on the classpath");
    }
    try {
      URI uri = url.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return fromDirectory(Path.of(uri));
      }
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        return fromDirectory(jar.getPath(CLASSPATH_FOLDER));
      } catch (FileSystemAlreadyExistsException e) {
        // Someone else has the jar open: read through theirs and leave it open.
        return fromDirectory(FileSystems.getFileSystem(uri).getPath(CLASSPATH_FOLDER));
      }
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot read templates from " + url, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TemplateStore fromDirectory(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("Templates folder does not exist: " + directory);
    }
    Map<UUID, NotifyTemplate> templates = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> sorted =
          files.filter(file -> file.getFileName().toString().endsWith(".txt")).sorted().toList();
      for (Path file : sorted) {
        String name = file.getFileName().toString();
        NotifyTemplate template =
            TemplateFiles.parse(name, Files.readString(file, StandardCharsets.UTF_8));
        if (templates.putIfAbsent(template.id(), template) != null) {
          throw new IllegalArgumentException(
              "Template " + name + ": id " + template.id() + " is used by another template");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TemplateStore(templates);
  }

  Optional<NotifyTemplate> find(UUID id) {
    return Optional.ofNullable(templates.get(id));
  }

  Collection<NotifyTemplate> all() {
    return templates.values();
  }
}
