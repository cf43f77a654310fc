package org.child.cop.lti.control;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a dynamic registration may make the tool send requests. {@code /lti/register} is public:
 * anyone can hand it a URL, so without these rules it would fetch internal addresses (cloud
 * metadata, the database, admin consoles) on an attacker's behalf (LTI.md, check 11).
 *
 * <ul>
 *   <li>https only; plain http only in development mode and only to this machine.
 *   <li>Every address the host resolves to must be public: no loopback (except in development
 *       mode), private, shared (CGNAT), link-local, unique-local, multicast, unspecified or
 *       reserved address.
 *   <li>The registration endpoint is on the configuration URL's host, so a configuration cannot
 *       steer the registration token elsewhere.
 *   <li>The issuer is on the configuration URL's host: the issuer is the namespace of every user
 *       identity (issuer, subject) the platform's launches will assert, so a configuration must not
 *       claim another platform's. Moodle's issuer is its wwwroot and serves the configuration
 *       there; Canvas serves it from its issuer's host (canvas.instructure.com for Canvas Cloud).
 * </ul>
 *
 * The addresses are checked when the URL is checked and resolved again when connecting, so a DNS
 * answer could change in between. Outside development mode every target is https and its
 * certificate must match the host name, which an internal service reached by such a rebinding
 * cannot present; that closes the gap without pinning addresses.
 */
public final class RegistrationTargets {

  /** Name resolution, replaceable so that tests need no DNS. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] addressesOf(String host) throws UnknownHostException;
  }

  private final boolean developmentMode;
  private final Resolver resolver;

  RegistrationTargets(boolean developmentMode, Resolver resolver) {
    this.developmentMode = developmentMode;
    this.resolver = resolver;
  }

  public static RegistrationTargets resolvingWithDns(boolean developmentMode) {
    return new RegistrationTargets(developmentMode, InetAddress::getAllByName);
  }

  /**
   * A URL the tool itself will send requests to: the platform URL rules, then every address of its
   * host. Refusals are IllegalArgumentExceptions naming {@code what}.
   */
  public URI reachable(String value, String what) {
    URI uri = PlatformUrls.check(value, what, developmentMode);
    String host = uri.getHost();
    InetAddress[] addresses;
    try {
      addresses = resolver.addressesOf(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("the " + what + "'s host " + host + " is not known");
    }
    if (addresses == null || addresses.length == 0) {
      throw new IllegalArgumentException("the " + what + "'s host " + host + " is not known");
    }
    boolean plainHttp = "http".equalsIgnoreCase(uri.getScheme());
    for (InetAddress address : addresses) {
      boolean loopback = address.isLoopbackAddress();
      if (plainHttp && !loopback) {
        // a name that looks local (127.example.org) must also be local to be fetched unencrypted
        throw new IllegalArgumentException(
            "the " + what + " must use https: its host " + host + " is not this machine");
      }
      if (loopback ? !developmentMode : !isPublic(address)) {
        throw new IllegalArgumentException(
            "the "
                + what
                + " points at "
                + (loopback ? "this machine" : "a private or reserved address")
                + " ("
                + host
                + "); CHILD CoP only contacts platforms on public addresses");
      }
    }
    return uri;
  }

  /** The registration endpoint must be on the configuration URL's host. */
  public static void requireSameHost(URI configuration, URI target, String what) {
    if (!sameHost(configuration, target)) {
      throw new IllegalArgumentException(
          "the "
              + what
              + " ("
              + target.getHost()
              + ") is not on the host the OpenID configuration came from ("
              + configuration.getHost()
              + ")");
    }
  }

  /** The issuer must name the configuration URL's host; see the class comment for why. */
  public static void requireIssuerOfHost(URI configuration, URI issuer) {
    if (!sameHost(configuration, issuer)) {
      throw new IllegalArgumentException(
          "the issuer "
              + issuer
              + " is not on the host the OpenID configuration came from ("
              + configuration.getHost()
              + ")");
    }
    if (issuer.getRawQuery() != null) {
      throw new IllegalArgumentException("the issuer " + issuer + " must not carry a query");
    }
  }

  private static boolean sameHost(URI one, URI other) {
    return one.getHost() != null
        && other.getHost() != null
        && one.getHost().toLowerCase(Locale.ROOT).equals(other.getHost().toLowerCase(Locale.ROOT));
  }

  /** True for addresses on the public internet, the only ones a registration may reach. */
  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPublicV4(bytes);
    }
    if (address instanceof Inet6Address) {
      return isPublicV6(bytes);
    }
    return false;
  }

  private static boolean isPublicV4(byte[] b) {
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    int third = b[2] & 0xff;
    return !(first == 0 // "this network"
        || first == 10
        || (first == 100 && second >= 64 && second <= 127) // shared address space (CGNAT)
        || first == 127
        || (first == 169 && second == 254)
        || (first == 172 && second >= 16 && second <= 31)
        || (first == 192 && second == 0 && (third == 0 || third == 2)) // IETF, documentation
        || (first == 192 && second == 168)
        || (first == 198 && (second == 18 || second == 19)) // benchmarking
        || (first == 198 && second == 51 && third == 100) // documentation
        || (first == 203 && second == 0 && third == 113) // documentation
        || first >= 224); // multicast, reserved, broadcast
  }

  private static boolean isPublicV6(byte[] b) {
    if ((b[0] & 0xfe) == 0xfc) {
      return false; // unique local fc00::/7
    }
    if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
      return false; // link local fe80::/10
    }
    if ((b[0] & 0xff) == 0x20
        && (b[1] & 0xff) == 0x01
        && (b[2] & 0xff) == 0x0d
        && (b[3] & 0xff) == 0xb8) {
      return false; // documentation 2001:db8::/32
    }
    boolean compatible = Arrays.equals(Arrays.copyOfRange(b, 0, 12), new byte[12]);
    boolean nat64 =
        (b[0] & 0xff) == 0x00
            && (b[1] & 0xff) == 0x64
            && (b[2] & 0xff) == 0xff
            && (b[3] & 0xff) == 0x9b
            && Arrays.equals(Arrays.copyOfRange(b, 4, 12), new byte[8]);
    if (compatible || nat64) {
      // an IPv4 address wrapped in IPv6 reaches that IPv4 address: judge it as such
      return isPublicV4(Arrays.copyOfRange(b, 12, 16));
    }
    return true;
  }
}
