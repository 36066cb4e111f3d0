package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A remote Git repository that receives the generated code. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!(self.url.startsWith('ssh://') || self.url.startsWith('git@')) || has(self.secretRef)",
        message = "spec.delivery.git.secretRef: an SSH repository URL needs a Secret holding the private key (key ssh-privatekey); name it in secretRef")
public class GitRepositorySpec {

    @Required
    @Size(min = 1, max = 2048)
    @Pattern("^(https?://|ssh://|git@)[^\\s]+$")
    @JsonPropertyDescription("Repository URL: https://…, ssh://… or git@host:path; http://… only for a Git server inside the cluster (credentials travel in clear text).")
    private String url;

    @Default("main")
    @Size(min = 1, max = 255)
    @Pattern("^[A-Za-z0-9][A-Za-z0-9._/-]*$")
    @JsonPropertyDescription("The customer's branch the generated branch is merged into (default main).")
    private String branch = "main";

    @Size(max = 253)
    @Pattern(NamePatterns.DNS_SUBDOMAIN)
    @JsonPropertyDescription("Secret in the AppSpec's namespace with credentials: username/password (https) or ssh-privatekey (ssh).")
    private String secretRef;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getBranch() {
        return branch;
    }

    public void setBranch(String branch) {
        this.branch = branch;
    }

    public String getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(String secretRef) {
        this.secretRef = secretRef;
    }
}
