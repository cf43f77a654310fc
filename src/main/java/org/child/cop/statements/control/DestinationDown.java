package org.child.cop.statements.control;

/**
 * The destination cannot take statements now (unreachable, failing, or refusing the tool's
 * credentials): it rests, and every statement stays pending for it.
 */
class DestinationDown extends RuntimeException {
  DestinationDown(String message) {
    super(message);
  }
}
