package org.child.cop.lrs.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.child.cop.xapi.Account;
import org.child.cop.xapi.Agent;
import org.child.cop.xapi.Ifi;

/**
 * {@code /xapi/agents}: the Person object for an Agent. This LRS links no identities, so the Person
 * holds exactly what the Agent in the request says; that discloses nothing stored, hence any LRS
 * credential may ask, whatever its scopes.
 */
@Path("xapi/agents")
@LrsClientOnly
public class AgentsResource {

  /** Looked up once: {@code Json.create...} finds the provider again on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Context UriInfo uri;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String person() {
    Agent agent = XapiParameters.of(uri.getQueryParameters(), Set.of("agent")).agent();
    return person(agent).toString();
  }

  /** Every property an array, as the specification's Person object has them. */
  static JsonObject person(Agent agent) {
    JsonObjectBuilder person = JSON.createObjectBuilder().add("objectType", "Person");
    if (agent.name() != null) {
      person.add("name", JSON.createArrayBuilder().add(agent.name()));
    }
    Ifi ifi = agent.ifi();
    if (ifi instanceof Ifi.Mbox mbox) {
      person.add("mbox", JSON.createArrayBuilder().add(mbox.iri()));
    } else if (ifi instanceof Ifi.MboxSha1Sum sha1) {
      person.add("mbox_sha1sum", JSON.createArrayBuilder().add(sha1.hex()));
    } else if (ifi instanceof Ifi.OpenId openId) {
      person.add("openid", JSON.createArrayBuilder().add(openId.iri()));
    } else {
      Account account = (Account) ifi;
      person.add(
          "account",
          JSON.createArrayBuilder()
              .add(
                  JSON.createObjectBuilder()
                      .add("homePage", account.homePage())
                      .add("name", account.name())));
    }
    return person.build();
  }
}
