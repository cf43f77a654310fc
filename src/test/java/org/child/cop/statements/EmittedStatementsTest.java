package org.child.cop.statements;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.child.cop.communities.CommunityRole;
import org.child.cop.communities.MemberJoinedCommunity;
import org.child.cop.identity.OrgUnit;
import org.child.cop.identity.entity.PlatformAccount;
import org.child.cop.statements.control.ActivityIris;
import org.child.cop.statements.control.CommunityStatements;
import org.child.cop.xapi.XapiVersion;
import org.junit.jupiter.api.Test;

/**
 * The statements the code emits, made from the same facts as their golden fixtures: each must be
 * the fixture exactly (so the fixture really shows what the tool sends) and follow its template.
 */
class EmittedStatementsTest {

  private static final ActivityIris IRIS =
      new ActivityIris(URI.create("https://cop.child.example.org"));

  @Test
  void aMemberJoiningACommunityIsTheGoldenJoinedStatement() {
    String emitted =
        CommunityStatements.joined(
                IRIS,
                new MemberJoinedCommunity(
                    "6f1d2c3e-8a41-4b7e-9c55-2e0b7d9a4f13",
                    "Wound care",
                    new PlatformAccount("https://moodle.example.org", "3177"),
                    CommunityRole.PARTICIPANT,
                    new OrgUnit("COMM-HOME", List.of("CHILD", "COMM", "COMM-HOME")),
                    Instant.parse("2026-02-20T13:41:09.315Z")),
                UUID.fromString("1e6a4c2d-93b5-4f70-8d1e-5b2c7a9f3e06"))
            .toJson(XapiVersion.V2_0_0);

    assertThat(json(emitted)).isEqualTo(json(GoldenStatements.of("joined-community")));
    assertThat(new TemplateCheck(ProfileDocument.template("joined-community")).violations(emitted))
        .isEmpty();
  }

  @Test
  void aMemberWhoseUnitNoSourceNamesIsCountedAsUnassignedAndStillFollowsTheTemplate() {
    String emitted =
        CommunityStatements.joined(
                IRIS,
                new MemberJoinedCommunity(
                    UUID.randomUUID().toString(),
                    "Infection prevention",
                    new PlatformAccount("https://canvas.example.org", "a1b2"),
                    CommunityRole.FACILITATOR,
                    OrgUnit.UNASSIGNED,
                    Instant.now()),
                UUID.randomUUID())
            .toJson(XapiVersion.V1_0_3);

    assertThat(new TemplateCheck(ProfileDocument.template("joined-community")).violations(emitted))
        .isEmpty();
    assertThat(emitted).contains("\"facilitator\"", "\"unassigned\"").doesNotContain("mbox");
  }

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
