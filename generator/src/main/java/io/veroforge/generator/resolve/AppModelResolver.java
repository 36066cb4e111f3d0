package io.veroforge.generator.resolve;

import io.veroforge.generator.analyze.AnalyzedSpec;
import io.veroforge.generator.analyze.SpecAnalyzer;
import io.veroforge.generator.input.AppSpecInput;
import io.veroforge.generator.model.Problem;
import io.veroforge.generator.model.Regime;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.ontology.Ontology;
import io.veroforge.generator.requirements.EmbeddingRequirementEngine;
import io.veroforge.generator.requirements.RequirementEngine;
import io.veroforge.generator.requirements.RequirementProposal;
import io.veroforge.generator.validate.ModelValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code resolve} stage: analyzed AppSpec in, complete and validated model out.
 * <pre>
 *   ontology (fill from vertical/universal defaults, pair relations, roles, workflows, pages)
 *   → compliance (HIPAA/PCI/GDPR changes)
 *   → gaps (what templates cannot express)
 *   → validate (every problem at once)
 * </pre>
 * Pure and deterministic: no I/O after the ontology is loaded, and the same input always gives
 * an equal model, so the operator can call it in every reconcile.
 */
public final class AppModelResolver {

    private final Ontology ontology;
    private final OntologyResolver ontologyResolver;
    private final ComplianceInference compliance;
    private final GapDetector gaps = new GapDetector();
    private final ModelValidator validator = new ModelValidator();
    private final RequirementEngine requirements;

    /** The standard ontology and the offline requirement analyzer (its model loads on the first spec with requirements). */
    public AppModelResolver() {
        this(Ontology.standard());
    }

    public AppModelResolver(Ontology ontology) {
        this(ontology, new EmbeddingRequirementEngine(ontology));
    }

    public AppModelResolver(Ontology ontology, RequirementEngine requirements) {
        this.ontology = ontology;
        this.requirements = requirements;
        this.ontologyResolver = new OntologyResolver(ontology, validator);
        this.compliance = new ComplianceInference(ontology);
    }

    /** Resolves an analyzed spec; the analysis problems come first in the result. */
    public Resolution resolve(AnalyzedSpec analyzed) {
        List<Problem> problems = new ArrayList<>(analyzed.problems());
        if (analyzed.spec() == null) {
            return new Resolution(null, problems);
        }
        AppSpecInput spec = analyzed.spec();
        RequirementProposal proposal = RequirementProposal.none("none", "none");
        if (spec.requirements() != null && !spec.requirements().isBlank()) {
            try {
                proposal = requirements.propose(spec);
            } catch (RuntimeException | LinkageError e) {
                // the offline engine loads a native tokenizer and an ONNX model; a host where that fails still
                // resolves what is explicit, and says the requirements were not read rather than failing the spec
                problems.add(Problem.warning("requirements", "the requirement analyzer is unavailable (" + rootCause(e)
                                + "), so the requirements were not read",
                        "declare the entities explicitly, or run where the analyzer's native libraries load (docs/ai.md)"));
            }
        }
        OntologyResolver.Filled filled = ontologyResolver.fill(analyzed.name(), analyzed.namespace(), spec, proposal);
        ResolvedModel model = filled.model();
        if (model.entities().isEmpty() && spec.entities().isEmpty() && ontology.vertical(spec.vertical()).isEmpty()) {
            problems.add(Problem.error("requirements", spec.requirements() == null || spec.requirements().isBlank()
                            ? "no entities, no requirements and no known vertical to take them from"
                            : "the requirements name nothing the analyzer could turn into an entity",
                    "declare entities (a name alone is enough for ontology terms), describe what is kept in the requirements "
                            + "(\"each job has a date, a crew and an invoice\"), or set vertical to one of: "
                            + String.join(", ", ontology.verticalIds())));
        }
        model = compliance.apply(model, spec.compliance());
        model = model.withGaps(gaps.detect(model));
        problems.addAll(analyzed.lines().locate(validator.validate(model)));
        problems.addAll(analyzed.lines().locate(complianceWarnings(spec, model)));
        return new Resolution(model, problems, filled.suggestions(), proposal);
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + (message.length() > 160 ? message.substring(0, 160) + "…" : message);
    }

    /** Analyzes and resolves an input that is already bound (the operator maps its CR spec to {@link AppSpecInput}). */
    public Resolution resolve(String appName, String namespace, AppSpecInput spec) {
        return resolve(new SpecAnalyzer(ontology).analyze(appName, namespace, spec));
    }

    private List<Problem> complianceWarnings(AppSpecInput spec, ResolvedModel model) {
        List<Problem> warnings = new ArrayList<>();
        ontology.vertical(model.vertical()).ifPresent(v -> {
            for (String implied : v.compliance()) {
                Regime regime = Regime.valueOf(implied.toUpperCase());
                if (!model.compliance().applies(regime)) {
                    warnings.add(Problem.warning("compliance." + regime.keyword(), "vertical " + v.id() + " normally requires "
                            + regime.name() + ", which this spec turns off", "remove " + regime.keyword() + ": false unless you are sure"));
                }
            }
        });
        return warnings;
    }
}
