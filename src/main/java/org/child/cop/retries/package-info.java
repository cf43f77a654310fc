/**
 * How the tool waits before trying another system again (an LMS's services, a learning record
 * store): one rule, shared by every relay.
 */
package org.child.cop.retries;
