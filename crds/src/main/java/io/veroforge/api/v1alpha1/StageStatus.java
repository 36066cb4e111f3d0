package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry of a Generation's stage timeline. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StageStatus {
    private StageName name;
    private StageState state;
    /** RFC 3339. */
    private String startedAt;
    /** RFC 3339. */
    private String finishedAt;
    /** What happened, or for a failure what failed and how to fix it. */
    private String message;

    public StageStatus() {
    }

    public StageStatus(StageName name, StageState state) {
        this.name = name;
        this.state = state;
    }

    public StageName getName() {
        return name;
    }

    public void setName(StageName name) {
        this.name = name;
    }

    public StageState getState() {
        return state;
    }

    public void setState(StageState state) {
        this.state = state;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(String startedAt) {
        this.startedAt = startedAt;
    }

    public String getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(String finishedAt) {
        this.finishedAt = finishedAt;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
