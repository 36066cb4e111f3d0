package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where a Generation's code was committed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GitCommit {
    private String repository;
    private String branch;
    private String sha;
    /** The pristine generator output on veroforge/generated that {@code sha} merges. */
    private String generatedSha;
    /** Files on the customer's branch that differ from the generated code (customized, added or deleted there). */
    private List<String> drift = new ArrayList<>();
    /** Files that conflicted with the customer's edits (the branch is then veroforge/conflicts/&lt;generation&gt;). */
    private List<String> conflicts = new ArrayList<>();

    public String getRepository() {
        return repository;
    }

    public void setRepository(String repository) {
        this.repository = repository;
    }

    public String getBranch() {
        return branch;
    }

    public void setBranch(String branch) {
        this.branch = branch;
    }

    public String getSha() {
        return sha;
    }

    public void setSha(String sha) {
        this.sha = sha;
    }

    public String getGeneratedSha() {
        return generatedSha;
    }

    public void setGeneratedSha(String generatedSha) {
        this.generatedSha = generatedSha;
    }

    public List<String> getDrift() {
        return drift;
    }

    public void setDrift(List<String> drift) {
        this.drift = drift == null ? new ArrayList<>() : drift;
    }

    public List<String> getConflicts() {
        return conflicts;
    }

    public void setConflicts(List<String> conflicts) {
        this.conflicts = conflicts == null ? new ArrayList<>() : conflicts;
    }
}
