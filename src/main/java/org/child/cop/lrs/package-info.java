/**
 * The embedded Learning Record Store: a conformant xAPI 1.0.3 and 2.0 LRS at {@code /xapi}, the
 * default destination of the tool's statements and an LRS of its own for organisations without one.
 */
package org.child.cop.lrs;
