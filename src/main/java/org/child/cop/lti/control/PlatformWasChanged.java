package org.child.cop.lti.control;

/** A platform's registration or one of its deployments changed; fired inside the transaction. */
public record PlatformWasChanged(String platformId) {}
