package org.child.cop.statements.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import org.child.cop.communities.CommunityRole;
import org.child.cop.communities.MemberJoinedCommunity;
import org.child.cop.settings.ToolSettings;
import org.child.cop.statements.Vocabulary;
import org.child.cop.xapi.Activity;
import org.child.cop.xapi.Statement;

/**
 * Statements of community life, made from the domain's events inside their transactions (template
 * {@code joined-community}).
 */
@ApplicationScoped
public class CommunityStatements {

  @Inject ToolSettings settings;
  @Inject StatementOutbox outbox;

  void memberJoined(@Observes MemberJoinedCommunity joined) {
    outbox.queue(joined(new ActivityIris(settings.baseUrl()), joined, UUID.randomUUID()));
  }

  public static Statement joined(ActivityIris iris, MemberJoinedCommunity joined, UUID id) {
    Activity community = CopStatement.community(iris, joined.communityId(), joined.communityName());
    return CopStatement.by(joined.account())
        .did(Vocabulary.Verb.JOINED)
        .on(community)
        .in(community)
        .from(joined.orgUnit())
        .as(role(joined.role()))
        .at(joined.joinedAt())
        .build(id);
  }

  static Vocabulary.Role role(CommunityRole role) {
    return Vocabulary.Role.valueOf(role.name());
  }
}
