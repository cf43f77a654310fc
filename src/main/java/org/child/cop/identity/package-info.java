/**
 * Who is using the tool. For now: the administrator credential that guards administrator pages and
 * APIs until staff single sign-on through Keycloak arrives; later also members and org units.
 */
package org.child.cop.identity;
