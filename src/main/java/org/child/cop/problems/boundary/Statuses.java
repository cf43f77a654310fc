package org.child.cop.problems.boundary;

import jakarta.ws.rs.core.Response;

/** Titles and plain-language advice for HTTP statuses the runtime raises on its own. */
final class Statuses {

  private Statuses() {}

  static String title(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return known == null
        ? (status >= 500 ? "Server error" : "Request error")
        : known.getReasonPhrase();
  }

  static String advice(int status, String method) {
    return switch (status) {
      case 400 -> "The request is malformed.";
      case 401 -> "Sign in to use this address.";
      case 403 -> "You are signed in but not allowed to do this.";
      case 404 -> "Nothing is here. Check the address.";
      case 405 -> "This address does not accept " + method + " requests.";
      case 406 -> "This address cannot answer in the format the Accept header asks for.";
      case 413 -> "The request body is too large.";
      case 415 -> "This address does not accept the request's Content-Type.";
      case 429 -> "Too many attempts. Wait before trying again.";
      case 503 -> "The tool is starting or its database is unavailable. Try again shortly.";
      default ->
          status >= 500
              ? "Something went wrong on our side. It has been logged."
              : "The request cannot be processed.";
    };
  }
}
