package org.child.cop.activities;

/**
 * A kind of activity a course designer can place in a course. {@code id} is what a placed link
 * carries in its {@code activity} custom parameter; {@code gradable} templates may ask the LMS for
 * a grade-book column.
 */
public record ActivityTemplate(String id, String title, String description, boolean gradable) {}
