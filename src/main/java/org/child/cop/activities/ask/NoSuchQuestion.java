package org.child.cop.activities.ask;

/**
 * No question or answer with that id in the member's community. Said the same way whether it does
 * not exist or belongs to another community, so ids reveal nothing about other communities.
 */
public class NoSuchQuestion extends RuntimeException {
  public NoSuchQuestion() {
    super("There is no such question in your community.");
  }
}
