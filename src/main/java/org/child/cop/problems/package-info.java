/**
 * One error format for the whole tool: RFC 9457 problem details for programs, an accessible page
 * for browsers, a request id to find the log line, and never a stack trace to the user.
 */
package org.child.cop.problems;
