package org.child.cop.lti.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SSRF rules of /lti/register, from the attacker's side, with a fake DNS. */
class RegistrationTargetsTest {

  /** Names an attacker controls, each resolving where the attacker likes. */
  private static final Map<String, List<String>> DNS =
      Map.of(
          "moodle.example.org", List.of("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"),
          "metadata.attacker.example", List.of("169.254.169.254"),
          "intranet.attacker.example", List.of("10.0.0.5"),
          "half.attacker.example", List.of("93.184.216.34", "192.168.1.10"),
          "loopback.attacker.example", List.of("127.0.0.1"),
          "ula.attacker.example", List.of("fd12:3456:789a::1"),
          "127.attacker.example", List.of("93.184.216.34"),
          "localhost", List.of("127.0.0.1", "::1"));

  private static InetAddress[] resolve(String host) throws UnknownHostException {
    List<String> addresses = DNS.get(host);
    if (addresses == null) {
      // literals resolve to themselves, as InetAddress does without asking DNS
      if (host.matches("[0-9.]+|\\[[0-9a-fA-F:.]+]")) {
        return new InetAddress[] {InetAddress.getByName(host)};
      }
      throw new UnknownHostException(host);
    }
    InetAddress[] result = new InetAddress[addresses.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = InetAddress.getByName(addresses.get(i));
    }
    return result;
  }

  private static final RegistrationTargets PRODUCTION =
      new RegistrationTargets(false, RegistrationTargetsTest::resolve);
  private static final RegistrationTargets DEVELOPMENT =
      new RegistrationTargets(true, RegistrationTargetsTest::resolve);

  @Test
  void aPublicHttpsHostIsReachable() {
    assertThat(
            PRODUCTION.reachable(
                "https://moodle.example.org/mod/lti/openid-configuration.php", "configuration"))
        .hasHost("moodle.example.org");
  }

  @Test
  void productionRefusesEveryNonPublicAddress() {
    for (String url :
        List.of(
            "https://metadata.attacker.example/latest/meta-data",
            "https://intranet.attacker.example/",
            "https://half.attacker.example/",
            "https://loopback.attacker.example/",
            "https://ula.attacker.example/",
            "https://localhost/",
            "https://127.0.0.1/",
            "https://[::1]/",
            "https://0.0.0.0/",
            "https://10.1.2.3/",
            "https://172.16.0.1/",
            "https://172.31.255.255/",
            "https://192.168.0.1/",
            "https://100.64.0.1/",
            "https://169.254.169.254/",
            "https://224.0.0.1/",
            "https://255.255.255.255/",
            "https://[fe80::1]/",
            "https://[fc00::1]/",
            "https://[ff02::1]/",
            "https://[::ffff:10.0.0.1]/",
            "https://[::10.0.0.1]/",
            "https://[64:ff9b::a9fe:a9fe]/")) {
      assertThatThrownBy(() -> PRODUCTION.reachable(url, "configuration URL"))
          .as(url)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("the configuration URL")
          .hasMessageContaining("only contacts platforms on public addresses");
    }
  }

  @Test
  void productionRefusesPlainHttpEvenToPublicHosts() {
    assertThatThrownBy(
            () -> PRODUCTION.reachable("http://moodle.example.org/", "configuration URL"))
        .hasMessage("the configuration URL must use https");
    assertThatThrownBy(() -> PRODUCTION.reachable("http://localhost:8080/", "configuration URL"))
        .hasMessage("the configuration URL must use https");
  }

  @Test
  void developmentAllowsThisMachineOverHttpButNothingElseThatIsNotPublic() {
    assertThat(DEVELOPMENT.reachable("http://localhost:8081/config", "configuration URL"))
        .hasPort(8081);
    assertThat(DEVELOPMENT.reachable("http://127.0.0.1:8081/config", "configuration URL"))
        .hasHost("127.0.0.1");

    assertThatThrownBy(() -> DEVELOPMENT.reachable("https://169.254.169.254/", "configuration URL"))
        .hasMessageContaining("a private or reserved address");
    assertThatThrownBy(
            () -> DEVELOPMENT.reachable("https://intranet.attacker.example/", "configuration URL"))
        .hasMessageContaining("a private or reserved address");
    assertThatThrownBy(() -> DEVELOPMENT.reachable("http://10.0.0.5/", "configuration URL"))
        .hasMessageContaining("must use https");
  }

  @Test
  void aNameThatOnlyLooksLocalIsNotFetchedOverHttp() {
    assertThatThrownBy(
            () -> DEVELOPMENT.reachable("http://127.attacker.example/", "configuration URL"))
        .hasMessageContaining("must use https")
        .hasMessageContaining("not this machine");
  }

  @Test
  void anUnknownHostIsNamed() {
    assertThatThrownBy(() -> PRODUCTION.reachable("https://nowhere.example/", "key set URL"))
        .hasMessage("the key set URL's host nowhere.example is not known");
  }

  @Test
  void theRegistrationEndpointMustBeOnTheConfigurationsHost() {
    URI configuration = URI.create("https://moodle.example.org/mod/lti/openid-configuration.php");

    RegistrationTargets.requireSameHost(
        configuration,
        URI.create("https://MOODLE.example.org:443/mod/lti/openid-registration.php"),
        "registration endpoint");
    assertThatThrownBy(
            () ->
                RegistrationTargets.requireSameHost(
                    configuration,
                    URI.create("https://attacker.example/steal-the-token"),
                    "registration endpoint"))
        .hasMessageContaining("registration endpoint (attacker.example) is not on the host");
    assertThatThrownBy(
            () ->
                RegistrationTargets.requireSameHost(
                    configuration,
                    URI.create("https://moodle.example.org.attacker.example/"),
                    "registration endpoint"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theIssuerMustNameTheConfigurationsHost() {
    URI moodle = URI.create("https://moodle.example.org/moodle/mod/lti/openid-configuration.php");
    RegistrationTargets.requireIssuerOfHost(
        moodle, URI.create("https://moodle.example.org/moodle"));
    URI canvas = URI.create("https://canvas.instructure.com/api/lti/security/openid-configuration");
    RegistrationTargets.requireIssuerOfHost(canvas, URI.create("https://canvas.instructure.com"));

    // a configuration claiming another platform's issuer would let its launches speak for that
    // platform's users
    assertThatThrownBy(
            () ->
                RegistrationTargets.requireIssuerOfHost(
                    URI.create("https://attacker.example/openid-configuration"),
                    URI.create("https://canvas.instructure.com")))
        .hasMessageContaining("the issuer https://canvas.instructure.com is not on the host");
  }

  @Test
  void addressClassesAreJudgedOneByOne() throws UnknownHostException {
    assertThat(RegistrationTargets.isPublic(InetAddress.getByName("93.184.216.34"))).isTrue();
    assertThat(RegistrationTargets.isPublic(InetAddress.getByName("2606:4700::1111"))).isTrue();
    assertThat(RegistrationTargets.isPublic(InetAddress.getByName("172.32.0.1"))).isTrue();
    assertThat(RegistrationTargets.isPublic(InetAddress.getByName("100.128.0.1"))).isTrue();
    assertThat(RegistrationTargets.isPublic(InetAddress.getByName("172.15.255.255"))).isTrue();
    assertThat(RegistrationTargets.isPublic(InetAddress.getByName("198.18.0.1"))).isFalse();
    assertThat(RegistrationTargets.isPublic(InetAddress.getByName("192.0.2.1"))).isFalse();
    assertThat(RegistrationTargets.isPublic(InetAddress.getByName("2001:db8::1"))).isFalse();
  }
}
