package org.child.cop.pages;

/**
 * The tool's page layout: language, viewport for narrow LMS iframes, a skip link, and the header,
 * main and footer landmarks. The body is HTML the caller has already escaped.
 */
public final class Page {

  private final String title;
  private String body = "";

  private Page(String title) {
    this.title = title;
  }

  public static Page titled(String title) {
    return new Page(title);
  }

  public Page body(String html) {
    this.body = html;
    return this;
  }

  public String render() {
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s · CHILD CoP</title>
        <link rel="stylesheet" href="/static/child-cop.css">
        </head>
        <body>
        <a class="skip" href="#main">Skip to content</a>
        <header><p class="brand">CHILD CoP</p></header>
        <main id="main">
        %s
        </main>
        <footer><p>CHILD CoP · communities of practice</p></footer>
        </body>
        </html>
        """
        .formatted(Html.escape(title), body);
  }
}
