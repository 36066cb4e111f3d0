package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One issue the security scan found in the generated code. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecurityFinding {
    private FindingSeverity severity;
    /** Rule identifier, e.g. sql-injection or missing-rls-policy. */
    private String rule;
    /** Path in the generated repository. */
    private String file;
    private Integer line;
    private String message;

    public FindingSeverity getSeverity() {
        return severity;
    }

    public void setSeverity(FindingSeverity severity) {
        this.severity = severity;
    }

    public String getRule() {
        return rule;
    }

    public void setRule(String rule) {
        this.rule = rule;
    }

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    public Integer getLine() {
        return line;
    }

    public void setLine(Integer line) {
        this.line = line;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
