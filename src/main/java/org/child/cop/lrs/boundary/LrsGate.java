package org.child.cop.lrs.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.child.cop.lrs.LrsCaller;
import org.child.cop.lrs.control.LrsCredentials;
import org.child.cop.lrs.control.StatementStore;
import org.child.cop.xapi.XapiVersion;

/**
 * Lets a request reach an xAPI resource only with a version the LRS speaks ({@code
 * X-Experience-API-Version} 1.0.x or 2.0.x, answered as 1.0.3 or 2.0.0) and an LRS credential (HTTP
 * Basic). Refusals are logged with the key, never the secret.
 */
@Provider
@LrsClientOnly
@Priority(Priorities.AUTHENTICATION)
public class LrsGate implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String VERSION_HEADER = "X-Experience-API-Version";
  static final String CONSISTENT_THROUGH = "X-Experience-API-Consistent-Through";
  static final String CHALLENGE = "Basic realm=\"CHILD CoP LRS\", charset=\"UTF-8\"";

  private static final Logger LOG = Logger.getLogger(LrsGate.class.getName());

  /** What the tool's keys look like: anything else is not logged (it may be a secret or CR/LF). */
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private static final Pattern V1 = Pattern.compile("1\\.0(\\.[0-9]+)?");
  private static final Pattern V2 = Pattern.compile("2\\.0(\\.[0-9]+)?");

  @Inject LrsCredentials credentials;
  @Inject LrsRequest current;
  @Inject StatementStore store;

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(VERSION_HEADER);
    XapiVersion version =
        version(header).orElseThrow(() -> new BadRequestException(versionRefused(header)));
    String[] basic =
        basic(request.getHeaderString(HttpHeaders.AUTHORIZATION))
            .orElseThrow(
                () -> new NotAuthorizedException("Use an LRS credential (HTTP Basic).", CHALLENGE));
    LrsCaller caller =
        credentials
            .caller(basic[0], basic[1])
            .orElseThrow(
                () -> {
                  LOG.warning(
                      () ->
                          "LRS request refused: unknown key, wrong secret or switched off ("
                              + (KEY.matcher(basic[0]).matches()
                                  ? "key " + basic[0]
                                  : "malformed key")
                              + ")");
                  return new NotAuthorizedException(
                      "The LRS credential is wrong or switched off.", CHALLENGE);
                });
    current.admit(caller, version);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    XapiVersion version = current.version();
    response
        .getHeaders()
        .putSingle(
            // a request in no version the LRS speaks is answered in the newest one
            VERSION_HEADER, (version == null ? XapiVersion.V2_0_0 : version).header());
    // every answer to a statement GET says how consistent the LRS is, refusals too: clients wait
    // on it before they query
    if (isStatementRead(request) && !response.getHeaders().containsKey(CONSISTENT_THROUGH)) {
      response.getHeaders().putSingle(CONSISTENT_THROUGH, store.consistentThrough().toString());
    }
    // HTTP asks for it, and xAPI clients measure Consistent-Through against the server's clock
    if (!response.getHeaders().containsKey(HttpHeaders.DATE)) {
      response
          .getHeaders()
          .putSingle(
              HttpHeaders.DATE,
              DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
    }
  }

  private static boolean isStatementRead(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
        && (path.equals("xapi/statements") || path.equals("/xapi/statements"));
  }

  /** The version to answer in, for the request's header; empty for one the LRS does not speak. */
  static Optional<XapiVersion> version(String header) {
    if (header != null && V1.matcher(header.strip()).matches()) {
      return Optional.of(XapiVersion.V1_0_3);
    }
    if (header != null && V2.matcher(header.strip()).matches()) {
      return Optional.of(XapiVersion.V2_0_0);
    }
    return Optional.empty();
  }

  static String versionRefused(String header) {
    return "Send the header "
        + VERSION_HEADER
        + " with 1.0.x or 2.0.x"
        + (header == null
            ? "."
            : ", not " + header.substring(0, Math.min(header.length(), 20)) + ".");
  }

  private static Optional<String[]> basic(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).strip()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? Optional.empty()
          : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }
}
