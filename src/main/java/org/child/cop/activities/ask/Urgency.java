package org.child.cop.activities.ask;

/** How soon the asker needs an answer, so colleagues can see what to pick up first. */
public enum Urgency {
  WHEN_YOU_CAN,
  THIS_WEEK,
  TODAY
}
