package io.veroforge.generator.resolve;

import io.veroforge.generator.analyze.AnalyzedSpec;
import io.veroforge.generator.analyze.SpecAnalyzer;
import io.veroforge.generator.input.AppSpecInput;
import io.veroforge.generator.model.Problem;
import io.veroforge.generator.model.Regime;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.ontology.Ontology;
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

    public AppModelResolver() {
        this(Ontology.standard());
    }

    public AppModelResolver(Ontology ontology) {
        this.ontology = ontology;
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
        OntologyResolver.Filled filled = ontologyResolver.fill(analyzed.name(), analyzed.namespace(), spec);
        ResolvedModel model = filled.model();
        model = compliance.apply(model, spec.compliance());
        model = model.withGaps(gaps.detect(model));
        problems.addAll(analyzed.lines().locate(validator.validate(model)));
        problems.addAll(analyzed.lines().locate(complianceWarnings(spec, model)));
        return new Resolution(model, problems, filled.suggestions());
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
