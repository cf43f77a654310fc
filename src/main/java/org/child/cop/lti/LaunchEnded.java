package org.child.cop.lti;

/**
 * A page was asked for with a launch token that is missing, forged, expired, or names a launch that
 * no longer serves pages: the person must open the activity again from their course.
 */
public class LaunchEnded extends RuntimeException {

  public LaunchEnded(String reason) {
    super(reason);
  }
}
