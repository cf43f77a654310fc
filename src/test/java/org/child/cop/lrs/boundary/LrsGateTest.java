package org.child.cop.lrs.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.child.cop.xapi.XapiVersion;
import org.junit.jupiter.api.Test;

class LrsGateTest {

  @Test
  void every1Point0VersionIsAnsweredAs1Point0Point3AndEvery2Point0As2Point0Point0() {
    assertThat(LrsGate.version("1.0")).contains(XapiVersion.V1_0_3);
    assertThat(LrsGate.version("1.0.0")).contains(XapiVersion.V1_0_3);
    assertThat(LrsGate.version("1.0.3")).contains(XapiVersion.V1_0_3);
    assertThat(LrsGate.version("2.0")).contains(XapiVersion.V2_0_0);
    assertThat(LrsGate.version("2.0.0")).contains(XapiVersion.V2_0_0);
  }

  @Test
  void aMissingOrUnknownVersionIsRefusedWithWhatToSend() {
    for (String header : new String[] {null, "", "0.95", "1.1.0", "3.0", "1.0.x", "<script>"}) {
      assertThat(LrsGate.version(header)).as(String.valueOf(header)).isEmpty();
      assertThat(LrsGate.versionRefused(header))
          .contains("X-Experience-API-Version with 1.0.x or 2.0.x");
    }
  }
}
