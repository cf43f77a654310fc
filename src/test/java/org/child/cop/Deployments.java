package org.child.cop;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Builds every Arquillian archive, so that tests never list classes by hand. */
public final class Deployments {

  private Deployments() {}

  /**
   * The WAR that {@code mvn package} built, deployed at the root context as in the uber jar: the
   * black-box tests see exactly what users get.
   */
  public static WebArchive builtWar() {
    File war = new File(System.getProperty("child.war", "target/child-cop.war"));
    if (!war.isFile()) {
      throw new IllegalStateException(war + " is missing: run the tests with mvn verify");
    }
    return ShrinkWrap.create(WebArchive.class, "ROOT.war")
        .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war));
  }
}
