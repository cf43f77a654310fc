/**
 * Communities of practice: founded from the first launch of an LMS course, reachable from several
 * courses and platforms, with the members who take part and their community roles.
 */
package org.child.cop.communities;
