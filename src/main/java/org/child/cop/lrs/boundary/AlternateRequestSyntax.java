package org.child.cop.lrs.boundary;

import jakarta.annotation.Priority;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.child.cop.pages.CrossSite;
import org.child.cop.xapi.XapiVersion;

/**
 * xAPI 1.0.x's alternate request syntax (Communication 1.3), for clients that cannot send custom
 * headers or methods across origins: {@code POST ...?method=PUT} with a form whose header-named
 * fields are headers, whose {@code content} is the body and whose other fields are the query. The
 * request is rewritten into the one it stands for before it is matched, so the LRS gate and the
 * resources check it exactly as that request. xAPI 2.0 removed the syntax: such requests pass
 * untouched and are refused where they arrive.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class AlternateRequestSyntax implements ContainerRequestFilter {

  private static final Set<String> METHODS =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT, HttpMethod.POST, HttpMethod.DELETE);

  /** The form fields that are headers (Communication 1.3), in their canonical spelling. */
  private static final Map<String, String> HEADERS =
      Map.of(
          "authorization", HttpHeaders.AUTHORIZATION,
          "x-experience-api-version", LrsGate.VERSION_HEADER,
          "content-type", HttpHeaders.CONTENT_TYPE,
          "content-length", HttpHeaders.CONTENT_LENGTH,
          "if-match", HttpHeaders.IF_MATCH,
          "if-none-match", HttpHeaders.IF_NONE_MATCH);

  @Override
  public void filter(ContainerRequestContext request) {
    MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
    if (!HttpMethod.POST.equals(request.getMethod())
        || !query.containsKey("method")
        || !LrsCors.isLrsPath(request.getUriInfo().getPath())) {
      return;
    }
    byte[] body = StatementsResource.read(request.getEntityStream());
    Map<String, String> form =
        request.getMediaType() != null
                && request.getMediaType().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
            ? form(new String(body, StandardCharsets.UTF_8))
            : Map.of();
    String version =
        form.getOrDefault(
            "x-experience-api-version", request.getHeaderString(LrsGate.VERSION_HEADER));
    if (LrsGate.version(version).orElse(null) != XapiVersion.V1_0_3) {
      // not 1.0.x: the resource refuses it as the version it claims, with the body it sent
      request.setEntityStream(new ByteArrayInputStream(body));
      return;
    }
    if (!form.containsKey("authorization") && CrossSite.change(request)) {
      // a plain form of another site's page, signed by a Basic credential the browser holds
      throw new ForbiddenException(
          "An alternate-syntax request from another site's page must carry its own Authorization"
              + " field.");
    }
    if (form.isEmpty() && body.length > 0) {
      throw new BadRequestException(
          "The alternate request syntax sends its fields form-encoded"
              + " (Content-Type: application/x-www-form-urlencoded).");
    }
    String method = query.getFirst("method").toUpperCase(Locale.ROOT);
    if (query.size() > 1 || query.get("method").size() > 1 || !METHODS.contains(method)) {
      throw new BadRequestException(
          "The alternate request syntax allows only method=GET, HEAD, PUT, POST or DELETE in the"
              + " query; every other parameter goes in the form.");
    }
    StringJoiner parameters = new StringJoiner("&");
    String content = null;
    for (Map.Entry<String, String> field : form.entrySet()) {
      String header = HEADERS.get(field.getKey());
      if (header != null) {
        request.getHeaders().putSingle(header, field.getValue());
      } else if (field.getKey().equals("content")) {
        content = field.getValue();
      } else {
        parameters.add(encoded(field.getKey()) + "=" + encoded(field.getValue()));
      }
    }
    request.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
    if (content == null) {
      request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
      request.setEntityStream(InputStream.nullInputStream());
    } else {
      if (!form.containsKey("content-type")) {
        request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
      }
      request.setEntityStream(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }
    request.setRequestUri(
        request.getUriInfo().getBaseUri(),
        UriBuilder.fromUri(request.getUriInfo().getRequestUri())
            .replaceQuery(parameters.length() == 0 ? null : parameters.toString())
            .build());
    request.setMethod(method);
  }

  /** The form's fields, names of header fields in lower case; a repeated field is refused. */
  private static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body.isBlank()) {
      return fields;
    }
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decoded(pair.substring(equals + 1));
      String key =
          HEADERS.containsKey(name.toLowerCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT) : name;
      if (fields.put(key, value) != null) {
        throw new BadRequestException("The form names " + key + " twice.");
      }
    }
    return fields;
  }

  private static String decoded(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("The form is not valid URL encoding.");
    }
  }

  /** Fully percent-encoded: no '{' left for UriBuilder to read as a template. */
  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
