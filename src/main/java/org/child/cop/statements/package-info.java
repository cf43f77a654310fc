/**
 * Domain events become xAPI statements per the project's profile ({@code xapi-profiles/}); the
 * outbox and its relay to each LRS come with it. xAPI JSON is built here and nowhere else.
 */
package org.child.cop.statements;
