package org.child.cop;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The tool's HTTP surface: JAX-RS serves every path but the error pages. */
@ApplicationPath("")
public class ChildCop extends Application {}
