package org.child.cop.xapi;

/** What a statement is about: an Activity, an Agent or Group, a StatementRef or a SubStatement. */
public sealed interface StatementObject permits Activity, Actor, StatementRef, SubStatement {}
