package org.child.cop.xapi;

/** The xAPI versions a destination may speak; sent as {@code X-Experience-API-Version}. */
public enum XapiVersion {
  V1_0_3("1.0.3"),
  V2_0_0("2.0.0");

  private final String header;

  XapiVersion(String header) {
    this.header = header;
  }

  /** The value of the {@code X-Experience-API-Version} header. */
  public String header() {
    return header;
  }

  public static XapiVersion of(String header) {
    for (XapiVersion version : values()) {
      if (version.header.equals(header)) {
        return version;
      }
    }
    throw new IllegalArgumentException("unsupported xAPI version " + header);
  }
}
