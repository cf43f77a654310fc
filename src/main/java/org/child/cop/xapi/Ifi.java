package org.child.cop.xapi;

/**
 * An inverse functional identifier: what identifies an Agent or Group across systems. The records
 * report violations at the member they are written to ({@code mbox}, {@code account.homePage}).
 */
public sealed interface Ifi permits Ifi.Mbox, Ifi.MboxSha1Sum, Ifi.OpenId, Account {

  /** A {@code mailto:} IRI. */
  record Mbox(String iri) implements Ifi {
    public Mbox {
      new Violations()
          .require(Syntax.isMbox(iri), "mbox", "must be a mailto: IRI with an email address")
          .throwIfAny();
    }

    /** From a bare email address. */
    public static Mbox of(String email) {
      return new Mbox("mailto:" + email);
    }
  }

  /** The hex SHA-1 of a {@code mailto:} IRI. */
  record MboxSha1Sum(String hex) implements Ifi {
    public MboxSha1Sum {
      new Violations()
          .require(Syntax.isSha1Hex(hex), "mbox_sha1sum", "must be 40 hexadecimal digits")
          .throwIfAny();
    }
  }

  /** An OpenID as an absolute IRI. */
  record OpenId(String iri) implements Ifi {
    public OpenId {
      new Violations()
          .require(Syntax.isAbsoluteIri(iri), "openid", "must be an absolute IRI")
          .throwIfAny();
    }
  }
}
