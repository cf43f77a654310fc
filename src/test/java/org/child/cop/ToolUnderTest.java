package org.child.cop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built tool on Payara Micro, for black-box tests: each subclass gets its own server, and talks
 * to it over HTTP as browsers, LMSs and administrators do.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class ToolUnderTest {

  /** What failsafe passes as ADMIN_PASSWORD to the server. */
  protected static final String ADMIN_PASSWORD = "integration-test-admin-secret";

  /** The administrator's Authorization header. */
  protected static final String ADMIN = Http.basic("admin", ADMIN_PASSWORD);

  @Deployment(testable = false)
  public static WebArchive tool() {
    return Deployments.builtWar();
  }

  @ArquillianResource protected URL base;

  protected URI at(String path) {
    return URI.create(base.toString()).resolve(path);
  }

  /** The public address the tool believes it has (tool.base-url), which launches come back to. */
  protected String toolBase() {
    return Http.json(Http.get(at("/api/about"))).getString("baseUrl");
  }

  /**
   * A new credential of the embedded LRS for the tenant with these scopes, as its Authorization
   * header.
   */
  protected String credential(String tenant, String... scopes) {
    String body =
        "{\"name\":\"test client\",\"tenant\":\""
            + tenant
            + "\",\"scopes\":["
            + Arrays.stream(scopes).map(s -> "\"" + s + "\"").collect(Collectors.joining(","))
            + "]}";
    HttpResponse<String> issued =
        Http.send(
            Http.request(at("/api/admin/lrs/credentials"))
                .header("Authorization", ADMIN)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(BodyPublishers.ofString(body)));
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    JsonObject json = Http.json(issued);
    return Http.basic(json.getJsonObject("credential").getString("key"), json.getString("secret"));
  }
}
