/**
 * The tool-wide settings every capability reads: its public address and whether it runs in
 * development mode. Kept apart so no capability reaches into another's configuration.
 */
package org.child.cop.settings;
