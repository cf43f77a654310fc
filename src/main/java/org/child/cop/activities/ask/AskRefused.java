package org.child.cop.activities.ask;

/**
 * Something Ask the community does not allow, said in words for the person who tried it; {@code
 * field} names what they typed that is not acceptable (so a page can show the message next to it),
 * or is null when the act itself is refused.
 */
public class AskRefused extends RuntimeException {

  private final String field;

  public AskRefused(String message) {
    this(null, message);
  }

  public AskRefused(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The form field the refusal is about: title, body, tags, helpfulness, minutes; or null. */
  public String field() {
    return field;
  }
}
