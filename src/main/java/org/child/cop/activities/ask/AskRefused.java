package org.child.cop.activities.ask;

/** Something Ask the community does not allow, said in words for the person who tried it. */
public class AskRefused extends RuntimeException {
  public AskRefused(String message) {
    super(message);
  }
}
