package org.child.cop.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The specification's MUST rules, each with a statement breaking it and the message naming its
 * path. JSON is written with single quotes for readability.
 */
class StatementValidationTest {

  private static final String SUB =
      "{'objectType':'SubStatement','actor':{'mbox':'mailto:b@example.org'},"
          + "'verb':{'id':'http://adlnet.gov/expapi/verbs/planned'},"
          + "'object':{'id':'http://example.org/visit'}";

  static Stream<Arguments> brokenRules() {
    return Stream.of(
        arguments(
            "an mbox without mailto: is rejected",
            statement("actor", "{'mbox':'ada@example.org'}"),
            "actor.mbox: must be a mailto: IRI with an email address"),
        arguments(
            "an Agent with two IFIs is rejected",
            statement("actor", "{'mbox':'mailto:a@example.org','openid':'http://a.example.org/'}"),
            "actor: an Agent must have exactly one IFI (mbox, mbox_sha1sum, openid or account),"
                + " found 2"),
        arguments(
            "an Agent without IFI is rejected",
            statement("actor", "{'name':'Ada'}"),
            "actor: an Agent must have exactly one IFI (mbox, mbox_sha1sum, openid or account),"
                + " found 0"),
        arguments(
            "an mbox_sha1sum that is not 40 hex digits is rejected",
            statement("actor", "{'mbox_sha1sum':'abc'}"),
            "actor.mbox_sha1sum: must be 40 hexadecimal digits"),
        arguments(
            "a relative openid is rejected",
            statement("actor", "{'openid':'ada'}"),
            "actor.openid: must be an absolute IRI"),
        arguments(
            "an account without name is rejected",
            statement("actor", "{'account':{'homePage':'https://moodle.example.org'}}"),
            "actor.account.name: must be present"),
        arguments(
            "an account whose homePage is not an IRL is rejected",
            statement("actor", "{'account':{'homePage':'moodle','name':'7'}}"),
            "actor.account.homePage: must be an absolute IRL"),
        arguments(
            "an anonymous Group without members is rejected",
            statement("actor", "{'objectType':'Group','name':'team'}"),
            "actor.member: an anonymous Group (no IFI) must list at least one member"),
        arguments(
            "a Group inside a Group is rejected",
            statement(
                "actor",
                "{'objectType':'Group','member':[{'objectType':'Group',"
                    + "'mbox':'mailto:g@example.org'}]}"),
            "actor.member[0]: a Group member must be an Agent, not a Group"),
        arguments(
            "a Group with two IFIs is rejected",
            statement(
                "actor",
                "{'objectType':'Group','mbox':'mailto:g@example.org',"
                    + "'openid':'http://g.example.org/'}"),
            "actor: a Group must have at most one IFI, found 2"),
        arguments(
            "an actor of another objectType is rejected",
            statement("actor", "{'objectType':'Person','mbox':'mailto:a@example.org'}"),
            "actor.objectType: must be Agent or Group"),
        arguments(
            "a verb id that is not an absolute IRI is rejected",
            statement("verb", "{'id':'attempted'}"),
            "verb.id: must be an absolute IRI, not 'attempted'"),
        arguments(
            "a display key that is not a language tag is rejected",
            statement(
                "verb",
                "{'id':'http://adlnet.gov/expapi/verbs/attempted','display':{'en_US':'attempted'}}"),
            "verb.display.en_US: 'en_US' is not an RFC 5646 language tag"),
        arguments(
            "a language map value that is not a string is rejected",
            statement(
                "verb", "{'id':'http://adlnet.gov/expapi/verbs/attempted','display':{'en':1}}"),
            "verb.display.en: must be a string"),
        arguments(
            "an Activity without id is rejected",
            statement("object", "{'objectType':'Activity'}"),
            "object.id: must be present"),
        arguments(
            "an unknown objectType of the object is rejected",
            statement("object", "{'objectType':'Thing','id':'http://example.org/a'}"),
            "object.objectType: must be Activity, Agent, Group, StatementRef or SubStatement"),
        arguments(
            "a member the specification does not define is rejected",
            statement("colour", "'blue'"),
            "colour: is not a property of a Statement (the specification forbids other"
                + " properties)"),
        arguments(
            "an unknown member deep inside is rejected",
            statement("object", "{'id':'http://example.org/a','definition':{'colour':'blue'}}"),
            "object.definition.colour: is not a property of an Activity definition (the"
                + " specification forbids other properties)"),
        arguments(
            "a scaled score above 1 is rejected",
            statement("result", "{'score':{'scaled':1.5}}"),
            "result.score.scaled: must be between -1 and 1"),
        arguments(
            "a scaled score below -1 is rejected",
            statement("result", "{'score':{'scaled':-1.01}}"),
            "result.score.scaled: must be between -1 and 1"),
        arguments(
            "a raw score above max is rejected",
            statement("result", "{'score':{'raw':11,'min':0,'max':10}}"),
            "result.score.raw: must not be greater than max"),
        arguments(
            "a raw score below min is rejected",
            statement("result", "{'score':{'raw':-1,'min':0}}"),
            "result.score.raw: must not be less than min"),
        arguments(
            "a max not above min is rejected",
            statement("result", "{'score':{'min':5,'max':5}}"),
            "result.score.max: must be greater than min"),
        arguments(
            "a duration that is not ISO 8601 is rejected",
            statement("result", "{'duration':'1 hour'}"),
            "result.duration: must be an ISO 8601 duration, not '1 hour'"),
        arguments(
            "a duration with a time designator but no time is rejected",
            statement("result", "{'duration':'P1DT'}"),
            "result.duration: must be an ISO 8601 duration, not 'P1DT'"),
        arguments(
            "success that is not a boolean is rejected",
            statement("result", "{'success':'yes'}"),
            "result.success: must be true or false"),
        arguments(
            "a null value is rejected",
            statement("result", "{'response':null}"),
            "result.response: must not be null"),
        arguments(
            "an extension key that is not an IRI is rejected",
            statement("result", "{'extensions':{'colour':'blue'}}"),
            "result.extensions.colour: an extension key must be an absolute IRI"),
        arguments(
            "a SubStatement inside a SubStatement is rejected",
            statement("object", SUB.replace("{'id':'http://example.org/visit'}", SUB + "}") + "}"),
            "object.object: a SubStatement must not contain a SubStatement"),
        arguments(
            "a SubStatement with an id is rejected",
            statement("object", SUB + ",'id':'fd41c918-b88b-4b20-a0a5-a4c32391aaa0'}"),
            "object.id: a SubStatement must not have id"),
        arguments(
            "a SubStatement with stored is rejected",
            statement("object", SUB + ",'stored':'2024-01-01T00:00:00Z'}"),
            "object.stored: a SubStatement must not have stored"),
        arguments(
            "a SubStatement with version is rejected",
            statement("object", SUB + ",'version':'1.0.3'}"),
            "object.version: a SubStatement must not have version"),
        arguments(
            "a SubStatement with authority is rejected",
            statement("object", SUB + ",'authority':{'mbox':'mailto:lrs@example.org'}}"),
            "object.authority: a SubStatement must not have authority"),
        arguments(
            "context.revision when the object is an Agent is rejected",
            statement(
                "object",
                "{'objectType':'Agent','mbox':'mailto:b@example.org'}",
                "context",
                "{'revision':'2'}"),
            "context.revision: only allowed when the object is an Activity"),
        arguments(
            "context.platform when the object is a StatementRef is rejected",
            statement(
                "object",
                "{'objectType':'StatementRef','id':'fd41c918-b88b-4b20-a0a5-a4c32391aaa0'}",
                "context",
                "{'platform':'Moodle'}"),
            "context.platform: only allowed when the object is an Activity"),
        arguments(
            "context.revision inside a SubStatement about an Agent is rejected",
            statement(
                "object",
                "{'objectType':'SubStatement','actor':{'mbox':'mailto:b@example.org'},"
                    + "'verb':{'id':'http://example.org/met'},"
                    + "'object':{'objectType':'Agent','mbox':'mailto:c@example.org'},"
                    + "'context':{'revision':'2'}}"),
            "object.context.revision: only allowed when the object is an Activity"),
        arguments(
            "a voiding statement about an Activity is rejected",
            statement("verb", "{'id':'http://adlnet.gov/expapi/verbs/voided'}"),
            "object: a voiding statement's object must be a StatementRef"),
        arguments(
            "an id that is not a UUID is rejected",
            statement("id", "'abc'"),
            "id: must be a UUID, not 'abc'"),
        arguments(
            "a UUID of another variant than RFC 4122 is rejected",
            statement("id", "'fd41c918-b88b-4b20-c0a5-a4c32391aaa0'"),
            "id: must be an RFC 4122 UUID (variant 2)"),
        arguments(
            "a StatementRef whose id is not a UUID is rejected",
            statement("object", "{'objectType':'StatementRef','id':'42'}"),
            "object.id: must be a UUID, not '42'"),
        arguments(
            "a registration that is not a UUID is rejected",
            statement("context", "{'registration':'course-1'}"),
            "context.registration: must be a UUID, not 'course-1'"),
        arguments(
            "a timestamp that is not ISO 8601 is rejected",
            statement("timestamp", "'yesterday'"),
            "timestamp: must be an ISO 8601 date-time (offset not -00:00), not 'yesterday'"),
        arguments(
            "a timestamp with the offset -00:00 is rejected",
            statement("timestamp", "'2024-01-01T00:00:00-00:00'"),
            "timestamp: must be an ISO 8601 date-time (offset not -00:00), not"
                + " '2024-01-01T00:00:00-00:00'"),
        arguments(
            "interaction components without an interactionType are rejected",
            statement(
                "object", "{'id':'http://example.org/q','definition':{'choices':[{'id':'a'}]}}"),
            "object.definition.choices: only allowed with an interactionType"),
        arguments(
            "a correctResponsesPattern without an interactionType is rejected",
            statement(
                "object",
                "{'id':'http://example.org/q','definition':{'correctResponsesPattern':['a']}}"),
            "object.definition.correctResponsesPattern: only allowed with an interactionType"),
        arguments(
            "interaction components with the same id are rejected",
            statement(
                "object",
                "{'id':'http://example.org/q','definition':{'interactionType':'choice',"
                    + "'choices':[{'id':'a'},{'id':'a'}]}}"),
            "object.definition.choices[1].id: 'a' is not distinct in choices"),
        arguments(
            "an unknown interactionType is rejected",
            statement(
                "object", "{'id':'http://example.org/q','definition':{'interactionType':'essay'}}"),
            "object.definition.interactionType: 'essay' is not an interaction type"),
        arguments(
            "an activity type that is not an IRI is rejected",
            statement("object", "{'id':'http://example.org/q','definition':{'type':'meeting'}}"),
            "object.definition.type: must be an absolute IRI, not 'meeting'"),
        arguments(
            "a context language that is not a language tag is rejected",
            statement("context", "{'language':'english!'}"),
            "context.language: must be an RFC 5646 language tag"),
        arguments(
            "a team that is an Agent is rejected",
            statement("context", "{'team':{'mbox':'mailto:t@example.org'}}"),
            "context.team: must be a Group"),
        arguments(
            "context activities of another objectType are rejected",
            statement(
                "context",
                "{'contextActivities':{'parent':[{'objectType':'Agent',"
                    + "'mbox':'mailto:p@example.org'}]}}"),
            "context.contextActivities.parent[0].objectType: must be Activity"),
        arguments(
            "a context agent without its objectType is rejected",
            statement("context", "{'contextAgents':[{'agent':{'mbox':'mailto:c@example.org'}}]}"),
            "context.contextAgents[0].objectType: must be present"),
        arguments(
            "a context agent with empty relevantTypes is rejected",
            statement(
                "context",
                "{'contextAgents':[{'objectType':'contextAgent',"
                    + "'agent':{'mbox':'mailto:c@example.org'},'relevantTypes':[]}]}"),
            "context.contextAgents[0].relevantTypes: must not be empty when present"),
        arguments(
            "a context group holding an Agent is rejected",
            statement(
                "context",
                "{'contextGroups':[{'objectType':'contextGroup',"
                    + "'group':{'mbox':'mailto:c@example.org'}}]}"),
            "context.contextGroups[0].group: must be a Group"),
        arguments(
            "an authority Group that is not two anonymous Agents is rejected",
            statement(
                "authority", "{'objectType':'Group','member':[{'mbox':'mailto:a@example.org'}]}"),
            "authority: a Group authority must be anonymous with exactly two Agents"),
        arguments(
            "a version other than 1.0.x or 2.0.x is rejected",
            statement("version", "'0.95'"),
            "version: must be 1.0, 1.0.x, 2.0 or 2.0.x"),
        arguments(
            "an attachment without sha2 is rejected",
            statement(
                "attachments",
                "[{'usageType':'http://example.org/u','display':{'en':'x'},"
                    + "'contentType':'text/plain','length':1}]"),
            "attachments[0].sha2: must be present"),
        arguments(
            "an attachment whose contentType is not a media type is rejected",
            statement(
                "attachments",
                "[{'usageType':'http://example.org/u','display':{'en':'x'},'contentType':'text',"
                    + "'length':1,'sha2':'"
                    + "a".repeat(64)
                    + "'}]"),
            "attachments[0].contentType: must be an Internet media type"),
        arguments(
            "an attachment length that is not an integer is rejected",
            statement(
                "attachments",
                "[{'usageType':'http://example.org/u','display':{'en':'x'},"
                    + "'contentType':'text/plain','length':1.5,'sha2':'"
                    + "a".repeat(64)
                    + "'}]"),
            "attachments[0].length: must be an integer"),
        arguments(
            "a statement without actor is rejected",
            statement("actor", null),
            "actor: must be present"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenRules")
  void brokenRuleIsReportedWithItsPath(String behaviour, String json, String expected) {
    assertThat(violations(json)).contains(expected);
  }

  @Test
  void everyViolationIsReportedNotOnlyTheFirst() {
    String json =
        statement(
            "actor",
            "{'mbox':'ada@example.org'}",
            "verb",
            "{'id':'attempted'}",
            "result",
            "{'score':{'scaled':2},'duration':'soon'}",
            "colour",
            "'blue'");

    assertThat(violations(json))
        .containsExactlyInAnyOrder(
            "actor.mbox: must be a mailto: IRI with an email address",
            "verb.id: must be an absolute IRI, not 'attempted'",
            "result.score.scaled: must be between -1 and 1",
            "result.duration: must be an ISO 8601 duration, not 'soon'",
            "colour: is not a property of a Statement (the specification forbids other"
                + " properties)");
  }

  @Test
  void textThatIsNotJsonIsRejected() {
    assertThatThrownBy(() -> Statement.fromJson("{\"actor\":"))
        .isInstanceOf(XapiValidationException.class)
        .hasMessageStartingWith("is not JSON");
  }

  @Test
  void aStatementBuiltInCodeIsCheckedOnConstruction() {
    assertThatThrownBy(
            () ->
                Statement.builder()
                    .id(UUID.randomUUID())
                    .actor(Agent.mbox("ada@example.org"))
                    .verb(Verb.voided())
                    .object(Activity.of("http://example.org/a"))
                    .context(Context.builder().revision("2").build())
                    .build())
        .isInstanceOfSatisfying(
            XapiValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::toString)
                    .containsExactly(
                        "object: a voiding statement's object must be a StatementRef"));
  }

  @Test
  void aScoreBuiltInCodeReportsAllItsViolations() {
    assertThatThrownBy(
            () ->
                new Score(
                    new BigDecimal("1.2"), new BigDecimal("12"), BigDecimal.ZERO, BigDecimal.TEN))
        .isInstanceOfSatisfying(
            XapiValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::toString)
                    .containsExactly(
                        "scaled: must be between -1 and 1", "raw: must not be greater than max"));
  }

  @Test
  void anAnonymousGroupBuiltWithoutMembersIsRejected() {
    assertThatThrownBy(() -> Group.anonymous(List.of()))
        .hasMessage("member: an anonymous Group (no IFI) must list at least one member");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "en",
        "en-US",
        "zh-Hant-TW",
        "es-419",
        "de-CH-1996",
        "x-klingon",
        "und",
        "sgn-BE-FR",
        "i-klingon",
        "en-a-bbb-x-ccc",
        "tlh"
      })
  void wellFormedLanguageTagsAreAccepted(String tag) {
    assertThatCode(() -> LanguageMap.of(tag, "text")).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"en_US", "", "e", "toolonglanguage", "en-", "12", "en--US"})
  void malformedLanguageTagsAreRejected(String tag) {
    assertThatThrownBy(() -> LanguageMap.of(tag, "text"))
        .isInstanceOf(XapiValidationException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT1H0M0S", "P1Y2M3DT4H5M6.7S", "P4W", "PT0.5S", "P1D", "PT36H"})
  void iso8601DurationsAreAccepted(String duration) {
    assertThatCode(() -> Result.builder().duration(duration).build()).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-01-01T00:00:00Z",
        "2024-01-01T00:00:00.123456789+02:00",
        "2024-01-01T00:00:00+0200",
        "2024-01-01T00:00Z",
        "2024-01-01T00:00:00"
      })
  void iso8601TimestampsAreAcceptedAndKeptAsWritten(String text) {
    assertThat(new Timestamp(text).text()).isEqualTo(text);
    assertThat(new Timestamp(text).instant()).isNotNull();
  }

  @Test
  void aTimestampWithoutZoneIsReadAsUtc() {
    assertThat(new Timestamp("2024-01-01T10:00:00").instant())
        .isEqualTo(new Timestamp("2024-01-01T10:00:00Z").instant());
  }

  @Test
  void aTimestampMadeFromAnInstantKeepsMilliseconds() {
    Timestamp timestamp = Timestamp.of(java.time.Instant.parse("2024-01-01T10:00:00.123456789Z"));

    assertThat(timestamp.text()).isEqualTo("2024-01-01T10:00:00.123Z");
  }

  private static List<String> violations(String json) {
    try {
      Statement.fromJson(json);
    } catch (XapiValidationException e) {
      return e.violations().stream().map(Violation::toString).toList();
    }
    throw new AssertionError("expected violations for " + json);
  }

  /** A valid statement with members replaced (a null value removes the member). */
  private static String statement(String... members) {
    Map<String, String> json = new LinkedHashMap<>();
    json.put("actor", "{'mbox':'mailto:ada@example.org'}");
    json.put("verb", "{'id':'http://adlnet.gov/expapi/verbs/attempted'}");
    json.put("object", "{'id':'http://example.org/activity'}");
    for (int i = 0; i < members.length; i += 2) {
      if (members[i + 1] == null) {
        json.remove(members[i]);
      } else {
        json.put(members[i], members[i + 1]);
      }
    }
    StringBuilder text = new StringBuilder("{");
    json.forEach(
        (name, value) ->
            text.append(text.length() > 1 ? "," : "").append("'" + name + "':").append(value));
    return text.append("}").toString().replace('\'', '"');
  }
}
