package org.child.cop.lrs;

import java.net.http.HttpRequest;
import org.child.cop.Http;
import org.child.cop.ToolUnderTest;

/** The tool as LRS clients meet it: credentials issued by the administrator, xAPI requests. */
public abstract class LrsUnderTest extends ToolUnderTest {

  /** An xAPI request with the credential and version header. */
  protected HttpRequest.Builder xapi(String path, String credential, String version) {
    HttpRequest.Builder request = Http.request(at(path)).header("Accept", "application/json");
    if (credential != null) {
      request.header("Authorization", credential);
    }
    if (version != null) {
      request.header("X-Experience-API-Version", version);
    }
    return request;
  }
}
