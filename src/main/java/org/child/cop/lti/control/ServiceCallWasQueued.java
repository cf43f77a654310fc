package org.child.cop.lti.control;

/** A service call was stored; once its transaction commits, the relay may perform it at once. */
public record ServiceCallWasQueued(String callId) {}
