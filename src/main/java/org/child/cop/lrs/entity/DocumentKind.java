package org.child.cop.lrs.entity;

/** The three document resources of xAPI, which share one table. */
public enum DocumentKind {
  STATE,
  ACTIVITY_PROFILE,
  AGENT_PROFILE
}
