package org.child.cop.lrs.boundary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * xAPI's multipart/mixed bodies (RFC 2046): statements first, then one part per attachment content.
 * Small on purpose: bodies are already in memory, bounded by the request size limit.
 */
final class MultipartMixed {

  /** One part: its headers (names in lower case) and its bytes. */
  record Part(Map<String, String> headers, byte[] content) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private static final Pattern BOUNDARY =
      Pattern.compile("boundary=(?:\"([^\"]+)\"|([^;\\s]+))", Pattern.CASE_INSENSITIVE);

  private MultipartMixed() {}

  /**
   * The parts of a body.
   *
   * @throws IllegalArgumentException saying what is wrong with the body
   */
  static List<Part> parse(String contentType, byte[] body) {
    Matcher matcher = BOUNDARY.matcher(contentType);
    if (!matcher.find()) {
      throw new IllegalArgumentException("A multipart/mixed request needs a boundary parameter.");
    }
    String boundaryText = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    byte[] delimiter = ("--" + boundaryText).getBytes(StandardCharsets.ISO_8859_1);
    List<Part> parts = new ArrayList<>();
    int at = indexOf(body, delimiter, 0);
    if (at < 0) {
      throw new IllegalArgumentException("The multipart/mixed body has no part with its boundary.");
    }
    while (true) {
      int lineEnd = at + delimiter.length;
      if (lineEnd + 1 < body.length && body[lineEnd] == '-' && body[lineEnd + 1] == '-') {
        return parts;
      }
      int start = indexOf(body, "\r\n".getBytes(StandardCharsets.ISO_8859_1), lineEnd);
      if (start < 0) {
        throw new IllegalArgumentException("The multipart/mixed body ends inside a part.");
      }
      start += 2;
      int next =
          indexOf(body, ("\r\n--" + boundaryText).getBytes(StandardCharsets.ISO_8859_1), start);
      if (next < 0) {
        throw new IllegalArgumentException("The multipart/mixed body has no closing boundary.");
      }
      parts.add(part(body, start, next));
      at = next + 2;
    }
  }

  private static Part part(byte[] body, int start, int end) {
    int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
    Map<String, String> headers = new LinkedHashMap<>();
    int contentStart;
    if (headersEnd < 0 || headersEnd > end) {
      // no headers: the part starts with its empty line
      contentStart = start + 2 <= end ? start + 2 : start;
    } else {
      String text = new String(body, start, headersEnd - start, StandardCharsets.ISO_8859_1);
      for (String line : text.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.put(
              line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
              line.substring(colon + 1).strip());
        }
      }
      contentStart = headersEnd + 4;
    }
    byte[] content = new byte[Math.max(0, end - contentStart)];
    System.arraycopy(body, contentStart, content, 0, content.length);
    return new Part(headers, content);
  }

  /** A multipart/mixed body: the JSON first, then each content with its hash. */
  static Written write(String json, List<Part> attachments) {
    String boundary = "xapi-" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeText(out, "--" + boundary + "\r\nContent-Type: application/json\r\n\r\n" + json + "\r\n");
    for (Part part : attachments) {
      StringBuilder head = new StringBuilder("--" + boundary + "\r\n");
      part.headers()
          .forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      writeText(out, head.append("\r\n").toString());
      out.writeBytes(part.content());
      writeText(out, "\r\n");
    }
    writeText(out, "--" + boundary + "--\r\n");
    return new Written("multipart/mixed; boundary=" + boundary, out.toByteArray());
  }

  record Written(String contentType, byte[] body) {}

  private static void writeText(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static int indexOf(byte[] body, byte[] pattern, int from) {
    outer:
    for (int i = Math.max(0, from); i <= body.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (body[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
