package org.child.cop.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escapesEverythingThatCouldOpenATagOrLeaveAnAttribute() {
    assertThat(Html.escape("<script>alert('x' & \"y\")</script>"))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;");
  }

  @Test
  void nullBecomesEmpty() {
    assertThat(Html.escape(null)).isEmpty();
  }

  @Test
  void pagesHaveLanguageLandmarksAndAnEscapedTitle() {
    String page = Page.titled("<b>Title</b>").body("<p>body</p>").render();

    assertThat(page)
        .contains("<html lang=\"en\">", "<main id=\"main\">", "<header>", "<footer>")
        .contains("href=\"#main\"", "name=\"viewport\"")
        .contains("<title>&lt;b&gt;Title&lt;/b&gt; · CHILD CoP</title>")
        .contains("<p>body</p>");
  }
}
