/**
 * Activity templates and their runs. Placed in courses through deep linking, opened by launches;
 * the catalogue grows with each activity.
 */
package org.child.cop.activities;
