package org.child.cop.identity.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.child.cop.identity.control.OrgUnits;
import org.child.cop.identity.control.UnitImport;
import org.child.cop.identity.entity.PlatformAccount;
import org.child.cop.problems.Problem;
import org.child.cop.problems.boundary.ProblemResponses;
import org.child.cop.problems.boundary.RequestIds;

/**
 * Org units for administrators: import who works where from a CSV file (for LMSs that cannot pass
 * the unit at launch), and read one person's unit history.
 */
@Path("api/admin/org-units")
@AdministratorOnly
@Produces(MediaType.APPLICATION_JSON)
public class OrgUnitsResource {

  @Inject UnitImport imports;
  @Inject OrgUnits units;
  @Context HttpServletRequest request;

  /** One period of a person's history. */
  public record PeriodView(
      String unitId,
      List<String> unitPath,
      String unitName,
      String source,
      Instant validFrom,
      Instant validTo) {}

  @POST
  // any type matches, so that the administrator's sign-in is checked before the type is
  @Consumes(MediaType.WILDCARD)
  public Response importCsv(@HeaderParam(HttpHeaders.CONTENT_TYPE) String type, String csv) {
    // text/csv only: a form of another site can post text/plain without the browser asking first
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")) {
      throw new NotSupportedException("Send the file as text/csv.");
    }
    try {
      return Response.ok(imports.importCsv(csv == null ? "" : csv, Instant.now())).build();
    } catch (UnitImport.Refused refused) {
      Problem problem =
          Problem.of(
                  400,
                  "The file was not imported",
                  refused.getMessage() + ". Fix the lines listed and send the whole file again.",
                  RequestIds.of(request))
              .withViolations(
                  refused.problems().stream()
                      .map(p -> new Problem.Violation("line " + p.line(), p.message()))
                      .toList());
      return ProblemResponses.of(problem, request.getHeader(HttpHeaders.ACCEPT));
    }
  }

  @GET
  @Transactional
  public List<PeriodView> history(
      @QueryParam("issuer") String issuer, @QueryParam("subject") String subject) {
    PlatformAccount account;
    try {
      account = new PlatformAccount(issuer == null ? "" : issuer, subject == null ? "" : subject);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("Name the person by issuer and subject: " + e.getMessage());
    }
    return units.historyOf(account).periods().stream()
        .map(
            period ->
                new PeriodView(
                    period.unit().id(),
                    period.unit().path(),
                    period.displayName(),
                    period.source().name(),
                    period.validFrom(),
                    period.validTo()))
        .toList();
  }
}
