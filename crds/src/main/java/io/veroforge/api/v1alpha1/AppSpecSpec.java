package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * What a tenant wants built: natural-language requirements and/or an explicit domain model
 * (entities, roles, workflows, pages), plus how it is generated, delivered and rolled out.
 *
 * <p>Every name a rule refers to must be declared in {@code entities}, so a typo is rejected by
 * {@code kubectl apply} instead of surfacing later as a failed Generation; declaring an entity by
 * name alone is enough, the resolver infers its fields. List sizes are capped so the API server
 * can bound the cost of these cross-reference rules.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(value = "has(self.requirements) || has(self.vertical) || (has(self.entities) && size(self.entities) > 0)",
        message = "spec: nothing to generate; give requirements, a vertical or at least one entity")
@ValidationRule(value = "!has(self.entities) || self.entities.all(e, self.entities.exists_one(o, o.name == e.name))",
        message = "spec.entities[].name: entity names must be unique; rename or merge the duplicate")
@ValidationRule(value = "!has(self.roles) || self.roles.all(r, self.roles.exists_one(o, o.name == r.name))",
        message = "spec.roles[].name: role names must be unique; rename or merge the duplicate")
@ValidationRule(value = "!has(self.workflows) || self.workflows.all(w, self.workflows.exists_one(o, o.name == w.name))",
        message = "spec.workflows[].name: workflow names must be unique; rename the duplicate")
@ValidationRule(value = "!has(self.pages) || self.pages.all(p, self.pages.exists_one(o, o.name == p.name))",
        message = "spec.pages[].name: page names must be unique; rename the duplicate")
@ValidationRule(value = "!has(self.entities) || self.entities.all(e, !has(e.relations) || e.relations.all(r, self.entities.exists(t, t.name == r.target)))",
        message = "spec.entities[].relations[].target: must name an entity declared in spec.entities; declare it (a name alone is enough) or fix the spelling")
@ValidationRule(value = "!has(self.roles) || self.roles.all(r, !has(r.permissions) || r.permissions.all(p, p.entity == '*' || (has(self.entities) && self.entities.exists(e, e.name == p.entity))))",
        message = "spec.roles[].permissions[].entity: must be * or name an entity declared in spec.entities; declare it (a name alone is enough) or fix the spelling")
@ValidationRule(value = "!has(self.workflows) || self.workflows.all(w, !has(w.trigger.entity) || (has(self.entities) && self.entities.exists(e, e.name == w.trigger.entity)))",
        message = "spec.workflows[].trigger.entity: must name an entity declared in spec.entities; declare it (a name alone is enough) or fix the spelling")
@ValidationRule(value = "!has(self.workflows) || self.workflows.all(w, w.actions.all(a, !has(a.entity) || (has(self.entities) && self.entities.exists(e, e.name == a.entity))))",
        message = "spec.workflows[].actions[].entity: must name an entity declared in spec.entities; declare it (a name alone is enough) or fix the spelling")
@ValidationRule(value = "!has(self.pages) || self.pages.all(p, !has(p.entity) || (has(self.entities) && self.entities.exists(e, e.name == p.entity)))",
        message = "spec.pages[].entity: must name an entity declared in spec.entities; declare it (a name alone is enough) or fix the spelling")
public class AppSpecSpec {

    @Size(max = 20000)
    @JsonPropertyDescription("What the app should do, in plain language. The analyzer turns it into entities, fields, roles and workflows; anything declared explicitly below wins.")
    private String requirements;

    @Size(max = 63)
    @Pattern(NamePatterns.KEBAB_NAME)
    @JsonPropertyDescription("Industry whose ontology supplies default entities, fields and compliance, e.g. field-service, healthcare-clinic, retail, restaurant, real-estate, legal, education, logistics, fitness, property-management. An unknown vertical uses the generic ontology.")
    private String vertical;

    @Default("{}")
    @JsonPropertyDescription("Template pack that generates the code (default nestjs-prisma-react, newest approved revision).")
    private TemplatePackRef templatePack = new TemplatePackRef(TemplatePackRef.DEFAULT_PACK, null);

    @Size(max = 50)
    @JsonPropertyDescription("Business objects. Each becomes a table with row-level security, an API resource and UI pages.")
    private List<EntitySpec> entities = new ArrayList<>();

    @Size(max = 20)
    @JsonPropertyDescription("Roles of the app's users and their permissions. Unset: an admin role with every permission.")
    private List<RoleSpec> roles = new ArrayList<>();

    @Size(max = 30)
    @JsonPropertyDescription("Automations: a trigger and the actions it runs.")
    private List<WorkflowSpec> workflows = new ArrayList<>();

    @Size(max = 50)
    @JsonPropertyDescription("Extra UI pages (dashboards, calendars, maps, kanban boards) beyond each entity's list, detail and form pages.")
    private List<PageSpec> pages = new ArrayList<>();

    @JsonPropertyDescription("Compliance regimes of this app, added to the tenant's and to those the vertical and field markers imply.")
    private ComplianceFlags compliance;

    @Default("{}")
    @JsonPropertyDescription("AI gap filling.")
    private AiSettings ai = new AiSettings();

    @Default("{}")
    @JsonPropertyDescription("Where the code goes and how it is applied.")
    private DeliverySpec delivery = new DeliverySpec();

    @Default("{}")
    @JsonPropertyDescription("How a new revision replaces the running one.")
    private RolloutSpec rollout = new RolloutSpec();

    @Default("{}")
    @JsonPropertyDescription("When a Generation waits for a human.")
    private ApprovalSpec approval = new ApprovalSpec();

    @Default("10")
    @Min(1)
    @Max(100)
    @JsonPropertyDescription("How many Generations are kept (default 10); older ones are deleted, never the deployed one.")
    private Integer revisionHistoryLimit = 10;

    @JsonPropertyDescription("A draft (the console's requirement chat writes one): the operator resolves the spec and previews the model in status.preview, and records no Generation until draft is false or removed.")
    private Boolean draft;

    public String getRequirements() {
        return requirements;
    }

    public void setRequirements(String requirements) {
        this.requirements = requirements;
    }

    public String getVertical() {
        return vertical;
    }

    public void setVertical(String vertical) {
        this.vertical = vertical;
    }

    public TemplatePackRef getTemplatePack() {
        return templatePack;
    }

    public void setTemplatePack(TemplatePackRef templatePack) {
        this.templatePack = templatePack == null ? new TemplatePackRef(TemplatePackRef.DEFAULT_PACK, null) : templatePack;
    }

    public List<EntitySpec> getEntities() {
        return entities;
    }

    public void setEntities(List<EntitySpec> entities) {
        this.entities = entities == null ? new ArrayList<>() : entities;
    }

    public List<RoleSpec> getRoles() {
        return roles;
    }

    public void setRoles(List<RoleSpec> roles) {
        this.roles = roles == null ? new ArrayList<>() : roles;
    }

    public List<WorkflowSpec> getWorkflows() {
        return workflows;
    }

    public void setWorkflows(List<WorkflowSpec> workflows) {
        this.workflows = workflows == null ? new ArrayList<>() : workflows;
    }

    public List<PageSpec> getPages() {
        return pages;
    }

    public void setPages(List<PageSpec> pages) {
        this.pages = pages == null ? new ArrayList<>() : pages;
    }

    public ComplianceFlags getCompliance() {
        return compliance;
    }

    public void setCompliance(ComplianceFlags compliance) {
        this.compliance = compliance;
    }

    public AiSettings getAi() {
        return ai;
    }

    public void setAi(AiSettings ai) {
        this.ai = ai == null ? new AiSettings() : ai;
    }

    public DeliverySpec getDelivery() {
        return delivery;
    }

    public void setDelivery(DeliverySpec delivery) {
        this.delivery = delivery == null ? new DeliverySpec() : delivery;
    }

    public RolloutSpec getRollout() {
        return rollout;
    }

    public void setRollout(RolloutSpec rollout) {
        this.rollout = rollout == null ? new RolloutSpec() : rollout;
    }

    public ApprovalSpec getApproval() {
        return approval;
    }

    public void setApproval(ApprovalSpec approval) {
        this.approval = approval == null ? new ApprovalSpec() : approval;
    }

    public Integer getRevisionHistoryLimit() {
        return revisionHistoryLimit;
    }

    public void setRevisionHistoryLimit(Integer revisionHistoryLimit) {
        this.revisionHistoryLimit = revisionHistoryLimit;
    }

    public Boolean getDraft() {
        return draft;
    }

    public void setDraft(Boolean draft) {
        this.draft = draft;
    }

    /** True only for {@code draft: true}: unset and false both mean the spec is meant to be generated. */
    public boolean drafted() {
        return Boolean.TRUE.equals(draft);
    }
}
