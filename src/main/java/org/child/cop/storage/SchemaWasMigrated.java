package org.child.cop.storage;

/** Fired once the database schema is current, so capabilities can seed what they need. */
public record SchemaWasMigrated(String schemaVersion) {}
