package org.child.cop.identity.control;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as spreadsheets export it: commas, quoted values with doubled quotes inside, line
 * breaks CRLF or LF, a byte order mark at the start.
 */
final class Csv {

  private Csv() {}

  static List<List<String>> records(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder value = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      any = true;
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          value.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          value.append(c);
        }
      } else if (c == '"' && value.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        record.add(value.toString());
        value.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(value.toString());
        value.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        any = false;
      } else {
        value.append(c);
      }
    }
    if (quoted) {
      throw new UnitImport.Refused(
          List.of(new UnitImport.LineProblem(records.size() + 1, "a quoted value is not closed")));
    }
    if (any) {
      record.add(value.toString());
      records.add(record);
    }
    return records;
  }
}
