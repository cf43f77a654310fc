/**
 * What browsers receive: one accessible page layout with escaping at hand, the stylesheet, and the
 * security headers every response carries. Pages must also work inside an LMS iframe.
 */
package org.child.cop.pages;
