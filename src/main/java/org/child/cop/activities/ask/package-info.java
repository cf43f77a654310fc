/**
 * Ask the community: a member asks, colleagues from any unit answer, the asker accepts one, rates
 * how much it helped and, a month later, says whether they applied it.
 */
package org.child.cop.activities.ask;
