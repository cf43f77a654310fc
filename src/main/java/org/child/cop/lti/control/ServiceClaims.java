package org.child.cop.lti.control;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AGS and NRPS claims of a verified launch, as kept with its session: which service URLs the
 * platform gave and which AGS scopes it lists. These are the only URLs the tool ever calls.
 */
final class ServiceClaims {

  static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/scope/";
  static final String SCORE_SCOPE = AGS + "score";
  static final String LINE_ITEM_SCOPE = AGS + "lineitem";

  private final Map<?, ?> ags;
  private final Map<?, ?> nrps;

  private ServiceClaims(Map<?, ?> ags, Map<?, ?> nrps) {
    this.ags = ags;
    this.nrps = nrps;
  }

  static ServiceClaims of(String servicesJson) {
    try {
      Map<String, Object> services = JSONObjectUtils.parse(servicesJson);
      return new ServiceClaims(
          services.get(Launches.AGS_ENDPOINT) instanceof Map<?, ?> a ? a : Map.of(),
          services.get(Launches.NRPS_SERVICE) instanceof Map<?, ?> n ? n : Map.of());
    } catch (ParseException e) {
      throw new IllegalStateException("stored launch services are not JSON", e);
    }
  }

  /** The roster URL; its presence is the platform's grant of the NRPS scope for this launch. */
  Optional<String> membershipsUrl() {
    return text(nrps, "context_memberships_url");
  }

  /** The line item of the launched link (the platform made it, or the deep link asked for it). */
  Optional<String> lineItem() {
    return text(ags, "lineitem");
  }

  /** The context's line items container. */
  Optional<String> lineItems() {
    return text(ags, "lineitems");
  }

  boolean grants(String scope) {
    return ags.get("scope") instanceof List<?> scopes && scopes.contains(scope);
  }

  private static Optional<String> text(Map<?, ?> claim, String name) {
    return claim.get(name) instanceof String value && !value.isBlank()
        ? Optional.of(value)
        : Optional.empty();
  }
}
