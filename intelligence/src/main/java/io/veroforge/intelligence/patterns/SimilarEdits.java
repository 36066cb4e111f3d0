package io.veroforge.intelligence.patterns;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.math3.ml.clustering.Cluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.DBSCANClusterer;

/**
 * Groups similar customer edits that are each too rare to be a pattern (DBSCAN over
 * {@link StructuralEditDistance}): six tenants adding an optional date to Invoice and five adding
 * a required datetime are no pattern apiece at k = 10, but eleven tenants extending Invoice with a
 * point in time is one. A cluster is kept only when its distinct tenants reach k, and it publishes
 * only the features its members share, plus the names (never the values) of those that vary — a
 * value seen in fewer than k tenants would describe them.
 */
final class SimilarEdits {
    static final String KIND = "customer_edit_cluster";
    private final double eps;

    /** @param eps the largest distance between neighbours (0.5: the field type within its family and the optionality may vary together) */
    SimilarEdits(double eps) {
        this.eps = eps;
    }

    List<Observation> clusters(List<EditVariant> variants, int k, int tenantsObserved) {
        if (variants.size() < 2) {
            return List.of();
        }
        List<Point> points = encode(variants);
        // minPts 1: two similar variants already make a cluster; whether it is a pattern is the tenants' count, below
        List<Cluster<Point>> clusters = new DBSCANClusterer<Point>(eps, 1, new StructuralEditDistance()).cluster(points);
        List<Observation> found = new ArrayList<>();
        for (Cluster<Point> cluster : clusters) {
            List<EditVariant> members = cluster.getPoints().stream().map(Point::variant).toList();
            Set<String> tenants = new HashSet<>();
            members.forEach(m -> tenants.addAll(m.customers()));
            if (tenants.size() >= k) {
                found.add(observation(members, tenants.size(), tenantsObserved));
            }
        }
        return found;
    }

    private static Observation observation(List<EditVariant> members, int tenants, int tenantsObserved) {
        Map<String, String> parts = new LinkedHashMap<>();
        Set<String> varying = new TreeSet<>();
        for (String feature : List.of("edit", "ontologyType", "file", "fieldType", "optional")) {
            Set<String> values = new HashSet<>();
            members.forEach(m -> values.add(m.part(feature)));
            if (values.size() == 1) {
                String value = values.iterator().next();
                if (!value.isEmpty()) {
                    parts.put(feature, value);
                }
            } else {
                varying.add(feature);
            }
        }
        parts.put("varies", String.join(",", varying));
        long events = members.stream().mapToLong(EditVariant::events).sum();
        OffsetDateTime first = members.stream().map(EditVariant::firstSeen).min(OffsetDateTime::compareTo).orElseThrow();
        OffsetDateTime last = members.stream().map(EditVariant::lastSeen).max(OffsetDateTime::compareTo).orElseThrow();
        return new Observation(KIND, parts, tenants, events, tenantsObserved, first, last);
    }

    /** One number per feature: the index of its value among the values seen for that feature. */
    private static List<Point> encode(List<EditVariant> variants) {
        List<Map<String, Integer>> dictionaries = new ArrayList<>();
        StructuralEditDistance.FEATURES.forEach(f -> dictionaries.add(new HashMap<>()));
        List<Point> points = new ArrayList<>();
        for (EditVariant v : variants) {
            double[] coordinates = new double[StructuralEditDistance.FEATURES.size()];
            for (int i = 0; i < coordinates.length; i++) {
                Map<String, Integer> dictionary = dictionaries.get(i);
                String value = StructuralEditDistance.feature(v, StructuralEditDistance.FEATURES.get(i));
                coordinates[i] = dictionary.computeIfAbsent(value, x -> dictionary.size());
            }
            points.add(new Point(v, coordinates));
        }
        return points;
    }

    private record Point(EditVariant variant, double[] coordinates) implements Clusterable {
        @Override
        public double[] getPoint() {
            return coordinates;
        }
    }
}
