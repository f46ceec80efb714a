package uk.gov.courier.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.courier.api.sends.SendsResource;
import uk.gov.courier.testing.RepositoryRoot;

/**
 * docs/api/openapi.yaml describes exactly the JSON API the code serves: every HTTP method and path
 * of every JAX-RS resource under {@code /api} is documented with the roles that may call it, and
 * nothing documented is missing from the code. Resources are found by scanning the {@code
 * uk.gov.courier} classes on the main classpath, so a new resource is checked without being listed
 * here.
 */
class OpenApiDocumentTest {

  private static final String PACKAGE = "uk/gov/courier";
  private static final Set<String> OPENAPI_METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private static JsonNode document;

  @BeforeAll
  static void readDocument() throws IOException {
    java.nio.file.Path file = RepositoryRoot.find().resolve("docs/api/openapi.yaml");
    assertThat(file).as("the OpenAPI description").exists();
    document = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
  }

  @Test
  void isOpenApi303WithBearerSecurityForEveryOperation() {
    assertThat(document.path("openapi").asText()).isEqualTo("3.0.3");
    JsonNode scheme = document.path("components").path("securitySchemes").path("bearerAuth");
    assertThat(scheme.path("type").asText()).isEqualTo("http");
    assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
    assertThat(document.path("security").findValues("bearerAuth")).hasSize(1);
    documentedOperations()
        .forEach(
            (operation, node) ->
                assertThat(node.has("security"))
                    .as("%s must not override the bearer security", operation)
                    .isFalse());
  }

  @Test
  void theScanFindsTheSendsResource() {
    Set<String> served = endpoints(apiResources()).keySet();

    assertThat(apiResources()).contains(SendsResource.class);
    assertThat(served)
        .contains(
            "POST /api/sends",
            "GET /api/sends",
            "GET /api/sends/{}",
            "POST /api/sends/{}/links/{}/resend");
  }

  @Test
  void everyEndpointTheCodeServesIsDocumented() {
    Set<String> undocumented = new TreeSet<>(endpoints(apiResources()).keySet());
    undocumented.removeAll(documentedOperations().keySet());

    assertThat(undocumented)
        .as("endpoints served under /api but missing from docs/api/openapi.yaml")
        .isEmpty();
  }

  @Test
  void everyDocumentedEndpointIsServed() {
    Set<String> unserved = new TreeSet<>(documentedOperations().keySet());
    unserved.removeAll(endpoints(apiResources()).keySet());

    assertThat(unserved)
        .as("operations in docs/api/openapi.yaml that no resource serves")
        .isEmpty();
  }

  @Test
  void everyOperationListsTheRolesTheCodeAllows() {
    Map<String, JsonNode> documented = documentedOperations();
    endpoints(apiResources())
        .forEach(
            (operation, method) -> {
              JsonNode node = documented.get(operation);
              if (node == null) {
                return; // reported by everyEndpointTheCodeServesIsDocumented
              }
              Set<String> roles = new TreeSet<>();
              node.path("x-courier-roles").forEach(role -> roles.add(role.asText()));
              assertThat(roles)
                  .as("x-courier-roles of %s", operation)
                  .isEqualTo(rolesAllowed(method));
            });
  }

  @Test
  void everyOperationDocumentsItsPathParametersAndAuthenticationFailure() {
    document
        .path("paths")
        .properties()
        .forEach(
            path -> {
              Set<String> inPath = new TreeSet<>();
              Matcher names = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
              while (names.find()) {
                inPath.add(names.group(1));
              }
              operations(path.getValue())
                  .forEach(
                      (method, operation) -> {
                        Set<String> declared = new TreeSet<>();
                        Stream.concat(
                                stream(path.getValue().path("parameters")),
                                stream(operation.path("parameters")))
                            .map(OpenApiDocumentTest::resolve)
                            .filter(p -> p.path("in").asText().equals("path"))
                            .forEach(p -> declared.add(p.path("name").asText()));
                        String name = method.toUpperCase() + " " + path.getKey();
                        assertThat(declared).as("path parameters of %s", name).isEqualTo(inPath);
                        assertThat(operation.path("responses").has("401"))
                            .as("%s documents 401", name)
                            .isTrue();
                        assertThat(operation.path("responses").has("500"))
                            .as("%s documents 500", name)
                            .isTrue();
                      });
            });
  }

  @Test
  void everyReferenceResolves() {
    List<String> references = new ArrayList<>();
    collectReferences(document, references);

    assertThat(references).isNotEmpty();
    assertThat(references)
        .allSatisfy(reference -> assertThat(resolve(reference)).as(reference).isNotNull());
  }

  @Test
  void anUndocumentedEndpointIsReported() {
    Set<String> undocumented = new TreeSet<>(endpoints(List.of(Undocumented.class)).keySet());
    undocumented.removeAll(documentedOperations().keySet());

    assertThat(undocumented)
        .containsExactly("GET /api/undocumented/{}", "POST /api/undocumented/sends/{}/zap");
  }

  /** Stands for a resource someone added without documenting it; outside the scanned classpath. */
  @Path("api/undocumented/")
  public static final class Undocumented {
    @GET
    @Path("{thing: [a-z]+}")
    @RolesAllowed("support")
    public String get() {
      return "";
    }

    @Path("/sends")
    public SubResource sends() {
      return new SubResource();
    }
  }

  /** Reached through the sub-resource locator {@code /api/undocumented/sends}. */
  public static final class SubResource {
    @POST
    @Path("{id}/zap")
    public String zap() {
      return "";
    }
  }

  // ---- the code ----

  /**
   * Every class on the main classpath under {@code uk.gov.courier} annotated {@code @Path} with a
   * path under {@code /api}. Test classes are left out.
   */
  private static List<Class<?>> apiResources() {
    List<Class<?>> resources = new ArrayList<>();
    for (String className : mainClassNames()) {
      Class<?> type;
      try {
        type = Class.forName(className, false, OpenApiDocumentTest.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        continue; // a class whose optional dependencies are absent serves nothing here
      }
      Path path = type.getAnnotation(Path.class);
      if (path != null && isUnderApi(normalise(path.value()))) {
        resources.add(type);
      }
    }
    return resources;
  }

  private static boolean isUnderApi(String path) {
    return path.equals("/api") || path.startsWith("/api/");
  }

  private static Set<String> mainClassNames() {
    Set<String> names = new TreeSet<>();
    String testClasses =
        OpenApiDocumentTest.class.getProtectionDomain().getCodeSource().getLocation().toString();
    try {
      Iterator<URL> roots =
          OpenApiDocumentTest.class.getClassLoader().getResources(PACKAGE).asIterator();
      while (roots.hasNext()) {
        URL root = roots.next();
        if (root.toString().startsWith(testClasses)) {
          continue;
        }
        if (root.getProtocol().equals("file")) {
          java.nio.file.Path base = Paths.get(root.toURI());
          java.nio.file.Path classesRoot = base;
          for (String ignored : PACKAGE.split("/")) {
            classesRoot = classesRoot.getParent();
          }
          java.nio.file.Path top = classesRoot;
          try (Stream<java.nio.file.Path> files = Files.walk(base)) {
            files
                .filter(f -> f.toString().endsWith(".class"))
                .forEach(f -> names.add(className(top.relativize(f).toString())));
          }
        } else if (root.getProtocol().equals("jar")) {
          JarURLConnection connection = (JarURLConnection) root.openConnection();
          connection.setUseCaches(false);
          try (JarFile jar = connection.getJarFile()) {
            Collections.list(jar.entries()).stream()
                .map(entry -> entry.getName())
                .filter(name -> name.startsWith(PACKAGE + "/") && name.endsWith(".class"))
                .forEach(name -> names.add(className(name)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return names;
  }

  private static String className(String file) {
    return file.replace('\\', '/').replaceAll("\\.class$", "").replace('/', '.');
  }

  /** {@code "POST /api/sends/{}/confirm"} to the resource method, for the given resources. */
  private static Map<String, Method> endpoints(List<Class<?>> resources) {
    Map<String, Method> endpoints = new TreeMap<>();
    for (Class<?> resource : resources) {
      collect(resource, normalise(resource.getAnnotation(Path.class).value()), endpoints, 0);
    }
    return endpoints;
  }

  private static void collect(Class<?> type, String base, Map<String, Method> into, int depth) {
    if (depth > 5) {
      throw new IllegalStateException("Sub-resource locators nest too deeply under " + base);
    }
    for (Method method : type.getMethods()) {
      if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      Method annotated = jaxRsAnnotated(method);
      Path path = annotated.getAnnotation(Path.class);
      String full = path == null ? base : normalise(base + "/" + path.value());
      String httpMethod = httpMethod(annotated);
      if (httpMethod != null) {
        into.put(httpMethod + " " + full, annotated);
      } else if (path != null) {
        collect(method.getReturnType(), full, into, depth + 1);
      }
    }
  }

  /** JAX-RS annotations may sit on a superclass or interface method the class overrides. */
  private static Method jaxRsAnnotated(Method method) {
    if (httpMethod(method) != null || method.isAnnotationPresent(Path.class)) {
      return method;
    }
    List<Class<?>> supertypes =
        new ArrayList<>(List.of(method.getDeclaringClass().getInterfaces()));
    for (Class<?> s = method.getDeclaringClass().getSuperclass();
        s != null;
        s = s.getSuperclass()) {
      supertypes.add(s);
      supertypes.addAll(List.of(s.getInterfaces()));
    }
    for (Class<?> supertype : supertypes) {
      try {
        Method inherited = supertype.getMethod(method.getName(), method.getParameterTypes());
        if (httpMethod(inherited) != null || inherited.isAnnotationPresent(Path.class)) {
          return inherited;
        }
      } catch (NoSuchMethodException e) {
        // not declared there
      }
    }
    return method;
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value().toUpperCase();
      }
    }
    return null;
  }

  private static Set<String> rolesAllowed(Method method) {
    RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
    if (roles == null) {
      roles = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
    }
    return roles == null ? Set.of() : new TreeSet<>(List.of(roles.value()));
  }

  /**
   * One leading slash, no doubled or trailing slash, and every template reduced to {@code {}} so
   * {@code {linkId}} in code matches {@code {link_id}} in the document.
   */
  static String normalise(String path) {
    String withoutNames = path.replaceAll("\\{[^}]*}", "{}");
    String collapsed = ("/" + withoutNames).replaceAll("/+", "/");
    return collapsed.length() > 1 && collapsed.endsWith("/")
        ? collapsed.substring(0, collapsed.length() - 1)
        : collapsed;
  }

  // ---- the document ----

  private static Map<String, JsonNode> documentedOperations() {
    Map<String, JsonNode> operations = new TreeMap<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                operations(path.getValue())
                    .forEach(
                        (method, operation) ->
                            operations.put(
                                method.toUpperCase() + " " + normalise(path.getKey()), operation)));
    return operations;
  }

  private static Map<String, JsonNode> operations(JsonNode pathItem) {
    Map<String, JsonNode> operations = new TreeMap<>();
    pathItem
        .properties()
        .forEach(
            field -> {
              if (OPENAPI_METHODS.contains(field.getKey())) {
                operations.put(field.getKey(), field.getValue());
              }
            });
    return operations;
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items.stream();
  }

  private static JsonNode resolve(JsonNode node) {
    if (!node.has("$ref")) {
      return node;
    }
    JsonNode target = resolve(node.path("$ref").asText());
    return target == null ? MissingNode.getInstance() : target;
  }

  /** The node a local {@code $ref} names, or null. */
  private static JsonNode resolve(String reference) {
    if (!reference.startsWith("#/")) {
      return null;
    }
    JsonNode node = document.at(reference.substring(1));
    return node.isMissingNode() ? null : node;
  }

  private static void collectReferences(JsonNode node, List<String> into) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              field -> {
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                  into.add(field.getValue().asText());
                } else {
                  collectReferences(field.getValue(), into);
                }
              });
    } else if (node.isArray()) {
      node.forEach(child -> collectReferences(child, into));
    }
  }
}
