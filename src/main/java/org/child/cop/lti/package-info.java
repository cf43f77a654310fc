/**
 * LTI 1.3 Advantage: the only package that knows JWTs and LTI claims. It holds the tool's signing
 * keys, launches, deep linking, and the clients of the platforms' services (rosters, grades), which
 * hand the rest of the tool plain values and events.
 */
package org.child.cop.lti;
