/**
 * The project's own xAPI client: data model, validation, JSON and HTTP, because no modern Java xAPI
 * client is served here. It depends on the JDK and Jakarta JSON-P only, knows nothing else of the
 * tool, and could be published alone.
 */
package org.child.cop.xapi;
