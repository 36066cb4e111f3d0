package io.veroforge.console.canaries;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.veroforge.api.v1alpha1.CanaryDecision;
import io.veroforge.api.v1alpha1.CanaryStatus;

/**
 * The score over time as the geometry of an SVG line chart, computed here so the template only places it. The
 * points are the scores the Canary recorded: one per decision in {@code status.decisions} (the operator records a
 * decision when it changes, not each identical {@code continue}), and the last evaluation when it is newer. Y is the
 * score from 0 to 100 with the pass score as a dashed line; X is time. A point whose time cannot be read is left out
 * and counted in {@code unreadable}.
 */
public record ScoreChart(int width, int height, int left, int right, int top, int bottom, List<Point> points,
        String polyline, double passY, int passScore, List<Tick> yTicks, List<Tick> xTicks, int unreadable) {
    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    private static final int LEFT = 44;
    private static final int RIGHT = 16;
    private static final int TOP = 12;
    private static final int BOTTOM = 36;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** {@code passed}: at or above the pass score; {@code label} says when, what and by whom (the point's tooltip). */
    public record Point(double x, double y, String at, String score, boolean passed, String label) {
    }

    /**
     * {@code labelY}: where a Y tick's label sits (centred on its line); {@code anchor}: how an X tick's label is
     * aligned (the first starts at its point and the last ends at it, so neither is cut off at the edge).
     */
    public record Tick(double position, double labelY, String label, String anchor) {
    }

    public int yLabelX() {
        return left - 6;
    }

    public int xLabelY() {
        return bottom + 18;
    }

    public double passLabelY() {
        return passY - 4;
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    public static ScoreChart of(CanaryStatus status, int passScore) {
        List<Sample> samples = new ArrayList<>();
        int unreadable = 0;
        for (CanaryDecision d : status.getDecisions()) {
            if (d.getScore() == null) {
                continue;
            }
            Instant at = instant(d.getAt());
            if (at == null) {
                unreadable++;
                continue;
            }
            samples.add(new Sample(at, d.getScore(), (d.getDecision() == null ? "decision" : Numbers.spelled(d.getDecision()))
                    + (d.getBy() == null ? "" : " by " + d.getBy())));
        }
        var last = status.getLastEvaluation();
        if (last != null && last.getScore() != null) {
            Instant at = instant(last.getAt());
            if (at == null) {
                unreadable++;
            } else if (samples.stream().noneMatch(s -> s.at().equals(at))) {
                samples.add(new Sample(at, last.getScore(), "last evaluation"
                        + (last.getRecommendation() == null ? "" : ": " + Numbers.spelled(last.getRecommendation()))));
            }
        }
        samples.sort(Comparator.comparing(Sample::at));
        return chart(samples, passScore, unreadable);
    }

    private static ScoreChart chart(List<Sample> samples, int passScore, int unreadable) {
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        long first = samples.isEmpty() ? 0 : samples.get(0).at().getEpochSecond();
        long span = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).at().getEpochSecond() - first;
        List<Point> points = new ArrayList<>();
        StringBuilder polyline = new StringBuilder();
        for (Sample s : samples) {
            double x = LEFT + (span == 0 ? plotWidth / 2 : plotWidth * (s.at().getEpochSecond() - first) / span);
            double y = y(Math.max(0, Math.min(100, s.score())), plotHeight);
            String score = Numbers.shown(s.score());
            points.add(new Point(round(x), round(y), s.at().toString(), score, s.score() >= passScore,
                    s.at() + ": score " + score + " (" + s.what() + ")"));
            polyline.append(polyline.isEmpty() ? "" : " ").append(round(x)).append(',').append(round(y));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int score = 0; score <= 100; score += 25) {
            yTicks.add(new Tick(round(y(score, plotHeight)), round(y(score, plotHeight)) + 4, String.valueOf(score), "end"));
        }
        List<Tick> xTicks = new ArrayList<>();
        if (!samples.isEmpty()) {
            xTicks.add(new Tick(points.get(0).x(), 0, CLOCK.format(samples.get(0).at()), span > 0 ? "start" : "middle"));
            if (span > 0) {
                xTicks.add(new Tick(points.get(points.size() - 1).x(), 0, CLOCK.format(samples.get(samples.size() - 1).at()), "end"));
            }
        }
        return new ScoreChart(WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM, points, polyline.toString(),
                round(y(passScore, plotHeight)), passScore, yTicks, xTicks, unreadable);
    }

    private static double y(double score, double plotHeight) {
        return TOP + plotHeight * (100 - score) / 100;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static Instant instant(String at) {
        if (at == null) {
            return null;
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private record Sample(Instant at, double score, String what) {
    }
}
