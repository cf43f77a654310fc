package org.child.cop.lrs.boundary;

/**
 * An xAPI request parameter that is missing, unknown or malformed: answered 400 with this message
 * ({@link InvalidParameters}). Not a JAX-RS exception, so the parsing can be tested without a
 * runtime.
 */
public class InvalidParameter extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidParameter(String message) {
    super(message);
  }
}
