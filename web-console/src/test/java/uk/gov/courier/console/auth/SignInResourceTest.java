package uk.gov.courier.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignInResourceTest {

  @Test
  void afterSignInOnlyPathsOnThisSiteAreFollowed() {
    assertThat(SignInResource.safeNext("/claims?status=paid&page=2"))
        .isEqualTo("/claims?status=paid&page=2");
    assertThat(SignInResource.safeNext("/sends/5b0c6f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/confirm"))
        .isEqualTo("/sends/5b0c6f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/confirm");
    for (String elsewhere :
        new String[] {
          null,
          "",
          "https://evil.example/",
          "//evil.example/",
          "/\\evil.example",
          "javascript:alert(1)",
          "/sign-in?next=/sign-in",
          "/claims\r\nSet-Cookie: x=y"
        }) {
      assertThat(SignInResource.safeNext(elsewhere)).as(elsewhere).isEqualTo("/dashboard");
    }
  }
}
