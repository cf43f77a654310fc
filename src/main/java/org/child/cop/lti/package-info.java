/**
 * LTI 1.3 Advantage: the only package that knows JWTs and LTI claims. So far it holds the tool's
 * signing keys and their public key set; launches, registration and deep linking follow.
 */
package org.child.cop.lti;
