package dev.serialtrace.desktop.dashboard;

import java.util.List;

/** RFC 4180 CSV text: fields with commas, quotes or line breaks are quoted. */
final class Csv {
    private Csv() {
    }

    static String of(List<String> header, List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, header.stream().map(h -> (Object) h).toList());
        for (List<Object> r : rows) {
            line(sb, r);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<Object> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object f = fields.get(i);
            String s = f == null ? "" : f.toString();
            if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            sb.append(s);
        }
        sb.append("\r\n");
    }
}
