package io.veroforge.api.v1alpha1;

/** Another app of the same tenant that serves a similar business: cosine similarity of their fingerprints, 0..1. */
public class SimilarApp {
    private String name;
    private double similarity;

    public SimilarApp() {
    }

    public SimilarApp(String name, double similarity) {
        this.name = name;
        this.similarity = similarity;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public double getSimilarity() {
        return similarity;
    }

    public void setSimilarity(double similarity) {
        this.similarity = similarity;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimilarApp other && java.util.Objects.equals(name, other.name) && similarity == other.similarity;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, similarity);
    }
}
