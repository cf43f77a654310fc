package org.child.cop.lrs.control;

import java.util.Locale;
import org.child.cop.xapi.Account;
import org.child.cop.xapi.Agent;
import org.child.cop.xapi.Ifi;

/**
 * The one spelling of an Agent's or identified Group's identity the LRS stores and compares: the
 * IFI's kind and value, {@code mbox:mailto:ann@example.org}, {@code sha1:<40 lower-case hex>},
 * {@code openid:<IRI>} or {@code account:<homePage>|<name>}. Names never take part (two statements
 * about one person may name them differently). An IRI cannot contain {@code |}, so the account form
 * is unambiguous. Documents and statement link tables use the same keys.
 */
public final class AgentKeys {

  private AgentKeys() {}

  public static String of(Agent agent) {
    return of(agent.ifi());
  }

  public static String of(Ifi ifi) {
    if (ifi instanceof Ifi.Mbox mbox) {
      return "mbox:" + mbox.iri();
    }
    if (ifi instanceof Ifi.MboxSha1Sum sha1) {
      // hex digits are the same value in either case
      return "sha1:" + sha1.hex().toLowerCase(Locale.ROOT);
    }
    if (ifi instanceof Ifi.OpenId openId) {
      return "openid:" + openId.iri();
    }
    Account account = (Account) ifi;
    return "account:" + account.homePage() + "|" + account.name();
  }
}
