package org.child.cop.lrs.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.child.cop.lrs.LrsCaller;
import org.child.cop.lrs.control.AgentKeys;
import org.child.cop.lrs.control.Documents;
import org.child.cop.lrs.control.Preconditions;
import org.child.cop.lrs.entity.DocumentAddress;
import org.child.cop.lrs.entity.DocumentContent;
import org.child.cop.lrs.entity.DocumentScope;
import org.child.cop.lrs.entity.LrsDocument;
import org.child.cop.xapi.Agent;
import org.child.cop.xapi.XapiVersion;

/**
 * What the State, Activity Profile and Agent Profile resources share: with a document id, GET, PUT,
 * POST (merge) and DELETE one document; without, GET its scope's ids. Each resource says which
 * parameters address its documents and which scopes it needs. Documents are any bytes, stored and
 * returned with the client's content type; every address includes the caller's tenant.
 */
public abstract class DocumentResource {

  /** Looked up once: {@code Json.create...} finds the provider again on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** The largest document stored; larger ones get 413. */
  static final int LARGEST_DOCUMENT = 10 * 1024 * 1024;

  static final String OCTET_STREAM = MediaType.APPLICATION_OCTET_STREAM;

  @Inject LrsRequest request;
  @Inject Documents documents;
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  /** stateId or profileId. */
  abstract String idParameter();

  /** Every parameter the resource takes (the id and {@code since} included). */
  abstract Set<String> knownParameters();

  /** The scope the parameters name, in the caller's tenant. */
  abstract DocumentScope scope(XapiParameters parameters, String tenant);

  /** The registration of a State document; profiles have none. */
  Optional<UUID> registration(XapiParameters parameters) {
    return Optional.empty();
  }

  abstract boolean mayWrite(LrsCaller caller);

  abstract Documents.Overwrite overwrite();

  /** The profiles' rule: in 1.0.3 every PUT names a precondition, in 2.0 one that overwrites. */
  Documents.Overwrite profileOverwrite() {
    return request.version() == XapiVersion.V1_0_3
        ? Documents.Overwrite.ALWAYS_NEEDS_PRECONDITION
        : Documents.Overwrite.NEEDS_PRECONDITION;
  }

  /** What to do with a DELETE without a document id: State deletes all, profiles refuse. */
  abstract Response deleteAll(XapiParameters parameters, DocumentScope scope);

  boolean mayRead(LrsCaller caller) {
    return mayWrite(caller) || caller.mayReadDocuments();
  }

  @GET
  public Response get() {
    XapiParameters parameters = parameters();
    LrsCaller caller = request.caller();
    if (!mayRead(caller)) {
      throw forbidden("read");
    }
    DocumentScope scope = scope(parameters, caller.tenant());
    Optional<UUID> registration = registration(parameters);
    Optional<String> id = parameters.documentId(idParameter());
    if (id.isEmpty()) {
      Documents.Listing listing =
          documents.ids(scope, registration.orElse(null), parameters.since().orElse(null));
      JsonArrayBuilder ids = JSON.createArrayBuilder();
      listing.ids().forEach(ids::add);
      Response.ResponseBuilder answer =
          Response.ok(ids.build().toString(), MediaType.APPLICATION_JSON_TYPE);
      listing.lastModified().ifPresent(at -> answer.lastModified(Date.from(at)));
      return answer.build();
    }
    LrsDocument document =
        documents
            .find(new DocumentAddress(scope, registration.orElse(null), id.get()))
            .orElseThrow(
                () ->
                    new WebApplicationException(
                        "No document " + id.get() + " here.", Response.Status.NOT_FOUND));
    DocumentContent content = document.content();
    return Response.ok(content.bytes())
        .header(HttpHeaders.CONTENT_TYPE, content.contentType())
        .header(HttpHeaders.ETAG, "\"" + document.etag() + "\"")
        .lastModified(Date.from(document.updated()))
        .build();
  }

  @PUT
  public Response put(InputStream body) {
    DocumentAddress address = writableAddress();
    DocumentContent content = content(body);
    if (!content.isWellFormed()) {
      throw new BadRequestException(
          "The document is sent as application/json but is not JSON; send it with its own content"
              + " type, or fix the JSON.");
    }
    documents.put(address, content, preconditions(), overwrite());
    return Response.noContent().build();
  }

  @POST
  public Response post(InputStream body) {
    DocumentAddress address = writableAddress();
    documents.post(address, content(body), preconditions());
    return Response.noContent().build();
  }

  @DELETE
  public Response delete() {
    XapiParameters parameters = parameters();
    LrsCaller caller = request.caller();
    if (!mayWrite(caller)) {
      throw forbidden("change");
    }
    DocumentScope scope = scope(parameters, caller.tenant());
    Optional<String> id = parameters.documentId(idParameter());
    if (id.isEmpty()) {
      return deleteAll(parameters, scope);
    }
    documents.delete(
        new DocumentAddress(scope, registration(parameters).orElse(null), id.get()),
        preconditions());
    return Response.noContent().build();
  }

  /** The agent's key, within what this LRS stores. */
  static String agentKey(Agent agent) {
    String key = AgentKeys.of(agent);
    if (key.length() > XapiParameters.LONGEST_IRI) {
      throw new BadRequestException(
          "The agent's identifier is longer than "
              + XapiParameters.LONGEST_IRI
              + " characters, which this LRS stores.");
    }
    return key;
  }

  private DocumentAddress writableAddress() {
    XapiParameters parameters = parameters();
    LrsCaller caller = request.caller();
    if (!mayWrite(caller)) {
      throw forbidden("change");
    }
    if (parameters.has("since")) {
      throw new BadRequestException("since is a parameter of GET only.");
    }
    return new DocumentAddress(
        scope(parameters, caller.tenant()),
        registration(parameters).orElse(null),
        parameters.requiredDocumentId(idParameter()));
  }

  private XapiParameters parameters() {
    return XapiParameters.of(uri.getQueryParameters(), knownParameters());
  }

  private Preconditions preconditions() {
    return Preconditions.of(
        headers.getHeaderString(HttpHeaders.IF_MATCH),
        headers.getHeaderString(HttpHeaders.IF_NONE_MATCH));
  }

  /** The body, refused with 413 past the limit before it is all read. */
  private DocumentContent content(InputStream body) {
    String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
    if (contentType == null || contentType.isBlank()) {
      contentType = OCTET_STREAM;
    }
    try {
      MediaType.valueOf(contentType);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("Content-Type is not a media type: " + contentType);
    }
    if (contentType.length() > 255) {
      throw new BadRequestException("Content-Type is longer than 255 characters.");
    }
    try (InputStream in = body) {
      if (headers.getLength() > LARGEST_DOCUMENT) {
        throw tooLarge(in);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      byte[] buffer = new byte[64 * 1024];
      int read;
      while ((read = in.read(buffer)) >= 0) {
        bytes.write(buffer, 0, read);
        if (bytes.size() > LARGEST_DOCUMENT) {
          throw tooLarge(in);
        }
      }
      return new DocumentContent(contentType.strip(), bytes.toByteArray());
    } catch (IOException e) {
      throw new BadRequestException("The document could not be read: " + e.getMessage());
    }
  }

  /**
   * The 413, after reading what remains of a moderately oversized body: a client that is still
   * sending reads no answer until its body is taken. Past twice the limit the LRS stops reading and
   * the connection is dropped instead.
   */
  private static WebApplicationException tooLarge(InputStream rest) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long drained = 0;
    int read;
    while (drained < 2L * LARGEST_DOCUMENT && (read = rest.read(buffer)) >= 0) {
      drained += read;
    }
    return tooLarge();
  }

  private static WebApplicationException tooLarge() {
    return new WebApplicationException(
        "The document is larger than " + (LARGEST_DOCUMENT / (1024 * 1024)) + " MiB.",
        Response.Status.REQUEST_ENTITY_TOO_LARGE);
  }

  private static ForbiddenException forbidden(String what) {
    return new ForbiddenException(
        "This LRS credential's scopes do not allow it to " + what + " these documents.");
  }
}
