package org.child.cop.lti.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RegistrationAllowListTest {

  private static boolean admits(RegistrationAllowList list, String url) {
    return list.admits(URI.create(url));
  }

  @Test
  void exactNamesAndSuffixPatternsAreAdmitted() {
    RegistrationAllowList list =
        RegistrationAllowList.parse(" Moodle.Example.org , *.hospital.example ,", false);

    assertThat(admits(list, "https://moodle.example.org/mod/lti/openid-configuration.php"))
        .isTrue();
    assertThat(admits(list, "https://MOODLE.EXAMPLE.ORG/x")).isTrue();
    assertThat(admits(list, "https://lms.hospital.example/x")).isTrue();
    assertThat(admits(list, "https://a.b.hospital.example/x")).isTrue();
  }

  @Test
  void lookAlikesAreNotAdmitted() {
    RegistrationAllowList list =
        RegistrationAllowList.parse("moodle.example.org,*.hospital.example", false);

    assertThat(admits(list, "https://evil-moodle.example.org/")).isFalse();
    assertThat(admits(list, "https://moodle.example.org.attacker.example/")).isFalse();
    assertThat(admits(list, "https://sub.moodle.example.org/")).isFalse();
    // the pattern covers names below the domain, not the domain itself
    assertThat(admits(list, "https://hospital.example/")).isFalse();
    assertThat(admits(list, "https://evilhospital.example/")).isFalse();
    assertThat(admits(list, "https://hospital.example.attacker.example/")).isFalse();
  }

  @Test
  void anEmptyListAdmitsNobodyInProduction() {
    RegistrationAllowList list = RegistrationAllowList.parse("", false);

    assertThat(list.isEmpty()).isTrue();
    assertThat(admits(list, "https://moodle.example.org/")).isFalse();
    assertThat(admits(list, "http://localhost:8081/")).isFalse();
  }

  @Test
  void anEmptyListAdmitsThisMachineInDevelopment() {
    RegistrationAllowList list = RegistrationAllowList.parse(null, true);

    assertThat(admits(list, "http://localhost:8081/")).isTrue();
    assertThat(admits(list, "http://127.0.0.1:8081/")).isTrue();
    assertThat(admits(list, "https://moodle.example.org/")).isFalse();
  }

  @Test
  void aListThatIsSetIsFollowedExactlyEvenInDevelopment() {
    RegistrationAllowList list = RegistrationAllowList.parse("localhost", true);

    assertThat(admits(list, "http://localhost:8081/")).isTrue();
    assertThat(admits(list, "http://127.0.0.1:8081/")).isFalse();
  }

  @Test
  void malformedEntriesStopTheStartWithTheirName() {
    for (String wrong :
        new String[] {
          "*",
          "*.org",
          "https://moodle.example.org",
          "moodle.example.org/x",
          "a*b.org",
          "*.*.example.org",
          "moodle example.org",
          "-moodle.example.org"
        }) {
      assertThatThrownBy(() -> RegistrationAllowList.parse("ok.example.org," + wrong, false))
          .as(wrong)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("lti.registration.allowed-hosts: " + wrong);
    }
  }
}
