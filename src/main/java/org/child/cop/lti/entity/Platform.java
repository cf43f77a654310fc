package org.child.cop.lti.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An LMS platform registered with the tool: who it is ({@code issuer} and the {@code client_id} it
 * gave the tool), where its OIDC authorization, token and key-set endpoints are, and its
 * deployments. Only an enabled platform's launches are accepted.
 */
@Entity
@Table(name = "lti_platform")
@NamedQuery(name = Platform.ALL, query = "select p from Platform p order by p.name, p.issuer")
@NamedQuery(name = Platform.BY_ISSUER, query = "select p from Platform p where p.issuer = :issuer")
@NamedQuery(
    name = Platform.BY_ISSUER_AND_CLIENT,
    query = "select p from Platform p where p.issuer = :issuer and p.clientId = :clientId")
public class Platform {

  public static final String ALL = "Platform.all";
  public static final String BY_ISSUER = "Platform.byIssuer";
  public static final String BY_ISSUER_AND_CLIENT = "Platform.byIssuerAndClient";

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
    this.createdAt = now.atOffset(ZoneOffset.UTC);
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

  public void enable() {
    enabled = true;
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

  public boolean enabled() {
    return enabled;
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  public List<Deployment> deployments() {
    return List.copyOf(deployments);
  }
}
