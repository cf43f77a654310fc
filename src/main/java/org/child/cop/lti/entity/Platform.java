package org.child.cop.lti.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An LMS platform registered with the tool: who it is ({@code issuer} and the {@code client_id} it
 * gave the tool), where its OIDC authorization, token and key-set endpoints are, and its
 * deployments. Only an enabled platform's launches are accepted; one that registered itself from a
 * host the tool does not trust yet awaits an administrator's approval and counts as not enabled.
 */
@Entity
@Table(name = "lti_platform")
@NamedQuery(name = Platform.ALL, query = "select p from Platform p order by p.name, p.issuer")
@NamedQuery(name = Platform.BY_ISSUER, query = "select p from Platform p where p.issuer = :issuer")
@NamedQuery(
    name = Platform.BY_ISSUER_AND_CLIENT,
    query = "select p from Platform p where p.issuer = :issuer and p.clientId = :clientId")
@NamedQuery(
    name = Platform.COUNT_WITH_APPROVAL,
    query = "select count(p) from Platform p where p.approval = :approval")
public class Platform {

  public static final String ALL = "Platform.all";
  public static final String BY_ISSUER = "Platform.byIssuer";
  public static final String BY_ISSUER_AND_CLIENT = "Platform.byIssuerAndClient";
  public static final String COUNT_WITH_APPROVAL = "Platform.countWithApproval";

  /** Whether an administrator has accepted the registration. */
  public enum Approval {
    /** Entered by an administrator, registered from an allowed host, or approved since. */
    APPROVED,
    /** Registered itself from a host nobody has vouched for: no launch until approved. */
    PENDING
  }

  /** A change the approval does not allow: switching on a pending platform, approving twice. */
  public static class ApprovalConflict extends IllegalStateException {
    ApprovalConflict(String message) {
      super(message);
    }
  }

  /** What an administrator sees at a glance, and what decides whether launches are accepted. */
  public enum Status {
    ENABLED,
    DISABLED,
    PENDING_APPROVAL
  }

  @Id private String id;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String issuer;

  @Column(name = "client_id", nullable = false)
  private String clientId;

  @Column(name = "authorization_url", nullable = false)
  private String authorizationUrl;

  @Column(name = "token_url", nullable = false)
  private String tokenUrl;

  @Column(name = "keyset_url", nullable = false)
  private String keysetUrl;

  @Column(nullable = false)
  private boolean enabled;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Approval approval;

  /** Space-separated, as OAuth writes scopes; null when unknown (registered by hand). */
  @Column(name = "granted_scopes")
  private String grantedScopes;

  /** The OpenID configuration URL a dynamic registration came from, without its query. */
  @Column(name = "registered_from")
  private String registeredFrom;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @OneToMany(mappedBy = "platform", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("deploymentId")
  private List<Deployment> deployments = new ArrayList<>();

  protected Platform() {}

  /** The URLs must already have passed PlatformUrls; this guards only their presence. */
  public Platform(
      String name,
      String issuer,
      String clientId,
      URI authorizationUrl,
      URI tokenUrl,
      URI keysetUrl,
      Instant now) {
    this.id = UUID.randomUUID().toString();
    this.name = requireText(name, "name", 200);
    this.issuer = requireText(issuer, "issuer", 255);
    this.clientId = requireText(clientId, "client id", 255);
    this.authorizationUrl = Objects.requireNonNull(authorizationUrl).toString();
    this.tokenUrl = Objects.requireNonNull(tokenUrl).toString();
    this.keysetUrl = Objects.requireNonNull(keysetUrl).toString();
    this.enabled = true;
    this.approval = Approval.APPROVED;
    this.createdAt = now.atOffset(ZoneOffset.UTC);
  }

  /**
   * A platform that registered itself through LTI Dynamic Registration. The URLs must already have
   * passed the registration's address rules; a pending one is stored switched off.
   */
  public static Platform registeredDynamically(
      String name,
      String issuer,
      String clientId,
      URI authorizationUrl,
      URI tokenUrl,
      URI keysetUrl,
      URI configurationUrl,
      Collection<String> grantedScopes,
      Approval approval,
      Instant now) {
    Platform platform =
        new Platform(name, issuer, clientId, authorizationUrl, tokenUrl, keysetUrl, now);
    platform.approval = Objects.requireNonNull(approval);
    platform.enabled = approval == Approval.APPROVED;
    platform.registeredFrom = requireText(configurationUrl.toString(), "configuration URL", 2000);
    String scopes = String.join(" ", new LinkedHashSet<>(grantedScopes));
    if (scopes.length() > 2000) {
      throw new IllegalArgumentException("the granted scopes have more than 2000 characters");
    }
    platform.grantedScopes = scopes;
    return platform;
  }

  /** A deployment an administrator registers: launches from it are accepted at once. */
  public Deployment registerDeployment(String deploymentId, Instant now) {
    return deployment(deploymentId)
        .map(
            known -> {
              known.decide(Deployment.Status.CONFIRMED);
              return known;
            })
        .orElseGet(() -> add(new Deployment(this, deploymentId, Deployment.Status.CONFIRMED, now)));
  }

  /**
   * A deployment met on a valid launch: an unknown one is recorded for an administrator to confirm
   * or block (Canvas creates one per course-level install), a known one is returned as it is.
   */
  public Deployment deploymentSeen(String deploymentId, Instant now) {
    return deployment(deploymentId)
        .orElseGet(() -> add(new Deployment(this, deploymentId, Deployment.Status.RECORDED, now)));
  }

  public void decide(String deploymentId, Deployment.Status decision) {
    deployment(deploymentId)
        .orElseThrow(() -> new IllegalArgumentException("no deployment " + deploymentId))
        .decide(decision);
  }

  public Optional<Deployment> deployment(String deploymentId) {
    return deployments.stream().filter(d -> d.deploymentId().equals(deploymentId)).findFirst();
  }

  public void disable() {
    enabled = false;
  }

  /** Switches launches on; a pending platform must be approved instead, so nobody skips that. */
  public void enable() {
    if (awaitsApproval()) {
      throw new ApprovalConflict(
          "the platform " + id + " awaits approval: approve it rather than switching it on");
    }
    enabled = true;
  }

  /** An administrator accepts a self-registered platform: its launches are accepted from now on. */
  public void approve() {
    if (!awaitsApproval()) {
      throw new ApprovalConflict("the platform " + id + " is not awaiting approval");
    }
    approval = Approval.APPROVED;
    enabled = true;
  }

  /** Why launches from it are refused, in words its LMS administrator can act on. */
  public String whyOff() {
    return awaitsApproval()
        ? "The platform "
            + issuer
            + " registered itself and waits for a CHILD CoP administrator's approval."
        : "The platform " + issuer + " is switched off in CHILD CoP.";
  }

  public boolean awaitsApproval() {
    return approval == Approval.PENDING;
  }

  /**
   * Whether the platform granted an LTI service scope at registration. Unknown for platforms
   * registered by hand, and an LMS administrator may withdraw scopes later: a service call must
   * still expect a refusal.
   */
  public boolean grants(String scope) {
    return grantedScopes().contains(scope);
  }

  private Deployment add(Deployment deployment) {
    deployments.add(deployment);
    return deployment;
  }

  static String requireText(String value, String what, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the " + what + " is required");
    }
    String text = value.strip();
    if (text.length() > maxLength) {
      throw new IllegalArgumentException(
          "the " + what + " has more than " + maxLength + " characters");
    }
    return text;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String issuer() {
    return issuer;
  }

  public String clientId() {
    return clientId;
  }

  public URI authorizationUrl() {
    return URI.create(authorizationUrl);
  }

  public URI tokenUrl() {
    return URI.create(tokenUrl);
  }

  public URI keysetUrl() {
    return URI.create(keysetUrl);
  }

  /** Launches are accepted only from an approved platform that is switched on. */
  public boolean enabled() {
    return enabled && !awaitsApproval();
  }

  public Status status() {
    if (awaitsApproval()) {
      return Status.PENDING_APPROVAL;
    }
    return enabled ? Status.ENABLED : Status.DISABLED;
  }

  /** Empty when none were granted or the platform was registered by hand. */
  public Set<String> grantedScopes() {
    if (grantedScopes == null || grantedScopes.isBlank()) {
      return Set.of();
    }
    // sorted, so that listings are stable
    return Collections.unmodifiableSortedSet(
        new TreeSet<>(Arrays.asList(grantedScopes.strip().split(" +"))));
  }

  public Optional<URI> registeredFrom() {
    return Optional.ofNullable(registeredFrom).map(URI::create);
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  public List<Deployment> deployments() {
    return List.copyOf(deployments);
  }
}
