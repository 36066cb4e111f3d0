package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The approval decision of a Generation and who made it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ApprovalStatus {
    private ApprovalState state;
    /** The user named in the annotation, or "policy" when no approval was required. */
    private String by;
    /** RFC 3339. */
    private String at;
    /** Why approval was required (the risks found), or why it was rejected. */
    private String reason;

    public ApprovalState getState() {
        return state;
    }

    public void setState(ApprovalState state) {
        this.state = state;
    }

    public String getBy() {
        return by;
    }

    public void setBy(String by) {
        this.by = by;
    }

    public String getAt() {
        return at;
    }

    public void setAt(String at) {
        this.at = at;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
