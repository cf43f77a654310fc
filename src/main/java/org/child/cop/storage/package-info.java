/**
 * The tool's own database: the data source (embedded H2 or PostgreSQL, chosen by configuration),
 * Flyway migrations at start-up, and readiness that holds until the schema is current.
 */
package org.child.cop.storage;
