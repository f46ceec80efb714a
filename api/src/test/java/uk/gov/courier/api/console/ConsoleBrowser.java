package uk.gov.courier.api.console;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without JavaScript, for the console's integration tests: keeps cookies (its own jar,
 * which ignores the Secure flag so tests can run over plain HTTP), follows redirects after a GET
 * when asked, and submits forms as {@code application/x-www-form-urlencoded}.
 */
final class ConsoleBrowser {

  private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]*)\"");

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final List<String> setCookies = new ArrayList<>();

  ConsoleBrowser(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** GET, not following a redirect. */
  Page open(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /** GET, following redirects as a browser would. */
  Page get(String path) {
    Page page = open(path);
    for (int hops = 0; page.isRedirect() && hops < 5; hops++) {
      page = open(page.location());
    }
    return page;
  }

  /** POST a form, not following the redirect. {@code fields} are name, value, name, value... */
  Page post(String path, String... fields) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i + 1 < fields.length; i += 2) {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
    }
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** POST a form with the token of the page at {@code formPage}, then follow any redirect. */
  Page submit(String formPage, String action, String... fields) {
    String token = get(formPage).csrfToken();
    return followed(post(action, withToken(token, fields)));
  }

  /** Follows a redirect a POST answered with. */
  Page followed(Page page) {
    return page.isRedirect() ? get(page.location()) : page;
  }

  /** Signs in through the form; returns the page the form answered (a redirect when it worked). */
  Page signIn(String email, String password) {
    String token = open("/sign-in").csrfToken();
    return post("/sign-in", "csrf_token", token, "email", email, "password", password);
  }

  String cookie(String name) {
    return cookies.get(name);
  }

  void setCookie(String name, String value) {
    cookies.put(name, value);
  }

  /** Every Set-Cookie header received, oldest first. */
  List<String> setCookieHeaders() {
    return setCookies;
  }

  static String[] withToken(String token, String... fields) {
    String[] all = new String[fields.length + 2];
    all[0] = "csrf_token";
    all[1] = token;
    System.arraycopy(fields, 0, all, 2, fields.length);
    return all;
  }

  private Page send(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      StringBuilder header = new StringBuilder();
      cookies.forEach(
          (name, value) -> {
            if (header.length() > 0) {
              header.append("; ");
            }
            header.append(name).append('=').append(value);
          });
      request.header("Cookie", header.toString());
    }
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(90)).build(),
              HttpResponse.BodyHandlers.ofString());
      for (String header : response.headers().allValues("Set-Cookie")) {
        setCookies.add(header);
        remember(header);
      }
      return new Page(response);
    } catch (Exception e) {
      throw new IllegalStateException("Request failed: " + e, e);
    }
  }

  private void remember(String header) {
    String[] parts = header.split(";");
    String[] pair = parts[0].split("=", 2);
    String name = pair[0].strip();
    String value = pair.length > 1 ? pair[1].strip() : "";
    boolean expired = false;
    for (int i = 1; i < parts.length; i++) {
      String attribute = parts[i].strip().toLowerCase();
      if (attribute.equals("max-age=0")) {
        expired = true;
      }
    }
    if (expired || value.isEmpty()) {
      cookies.remove(name);
    } else {
      cookies.put(name, value);
    }
  }

  private URI uri(String path) {
    return URI.create(path.startsWith("http") ? path : base + path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }

  /** An answer: status, body, headers. */
  record Page(HttpResponse<String> response) {

    int status() {
      return response.statusCode();
    }

    String body() {
      return response.body();
    }

    boolean isRedirect() {
      return response.statusCode() == 302 || response.statusCode() == 303;
    }

    /** Where a redirect points, as a path on this site when it is one. */
    String location() {
      URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
      URI request = response.request().uri();
      if (location.isAbsolute()
          && location.getHost().equals(request.getHost())
          && location.getPort() == request.getPort()) {
        return location.getRawPath()
            + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
      }
      return location.toString();
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    /** The first form's anti-forgery token on the page. */
    String csrfToken() {
      Matcher matcher = CSRF.matcher(body());
      if (!matcher.find()) {
        throw new AssertionError("No csrf_token on the page: " + body());
      }
      return matcher.group(1);
    }

    /** The text between an element's id attribute and the end of that line of markup. */
    boolean hasId(String id) {
      return body().contains("id=\"" + id + "\"");
    }

    @Override
    public String toString() {
      return status() + " " + body();
    }
  }
}
