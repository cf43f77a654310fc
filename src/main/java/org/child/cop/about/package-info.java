/**
 * What the tool is and how it is doing: the start page, the public about endpoint, the
 * administrator's status page, and the line in the log that says where to open the tool.
 */
package org.child.cop.about;
