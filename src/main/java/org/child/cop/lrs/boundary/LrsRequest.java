package org.child.cop.lrs.boundary;

import jakarta.enterprise.context.RequestScoped;
import org.child.cop.lrs.LrsCaller;
import org.child.cop.xapi.XapiVersion;

/** The xAPI request being served: who calls, and which version they speak. Set by the gate. */
@RequestScoped
public class LrsRequest {

  private LrsCaller caller;
  private XapiVersion version;

  void admit(LrsCaller caller, XapiVersion version) {
    this.caller = caller;
    this.version = version;
  }

  public LrsCaller caller() {
    if (caller == null) {
      throw new IllegalStateException("an xAPI resource was reached without the LRS gate");
    }
    return caller;
  }

  public XapiVersion version() {
    return version;
  }
}
