/**
 * CHILD CoP: an LTI 1.3 tool that runs community-of-practice activities and evidences their value
 * with xAPI. Each sub-package is one capability (see shared STYLE.md).
 */
package org.child.cop;
