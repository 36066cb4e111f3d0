package io.veroforge.console.writes;

import java.util.ArrayList;
import java.util.List;

/**
 * What a write changes, line by line, between the YAML shown before and after it: each line kept, removed or
 * added, in order (a longest-common-subsequence diff, a changed line removed before it is added; the texts are a CR's few lines, so its quadratic table is
 * small).
 */
public record YamlDiff(List<Line> lines) {

    /** {@code change}: "added", "removed" or "kept"; {@code sign} is +, - or a space, as in a unified diff. */
    public record Line(String change, String sign, String text) {
    }

    public static YamlDiff between(String before, String after) {
        String[] a = before.isEmpty() ? new String[0] : before.split("\n", -1);
        String[] b = after.isEmpty() ? new String[0] : after.split("\n", -1);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add(new Line("kept", " ", a[i++]));
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                lines.add(new Line("removed", "-", a[i++]));
            } else {
                lines.add(new Line("added", "+", b[j++]));
            }
        }
        return new YamlDiff(lines.stream().filter(l -> !(l.change().equals("kept") && l.text().isEmpty())).toList());
    }

    public boolean changes() {
        return lines.stream().anyMatch(l -> !l.change().equals("kept"));
    }
}
