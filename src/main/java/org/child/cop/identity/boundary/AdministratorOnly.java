package org.child.cop.identity.boundary;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks resources only an administrator may use. Every resource under {@code /admin} or {@code
 * /api/admin} must carry it; AdministratorEndpointsIT checks each from the attacker's side.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdministratorOnly {}
