package io.veroforge.operator.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.GenerationPhase;

/**
 * Counts what the pipelines of a chaos run left, in every store they write, so the verdict
 * ("12/12 Succeeded, 0 duplicate commits, …") comes from the stores and not from status alone:
 * the Generations in the API, the commits in each app's Git repository (platform-kept or the
 * customer's), the rows of each app schema's migration history, the build Jobs and the
 * Deployments, and the customer's own commits and files on {@code main}.
 */
public final class GenerationCensus {
    private static final String TRAILER = "VeroForge-Generation: ";
    private static final String GENERATED = Constants.R_HEADS + "veroforge/generated";
    private static final String HISTORY = "veroforge_schema_history";

    private final KubernetesClient client;
    private final ScratchDatabase database;
    private final Path platformGit;
    private final CustomerGitRemote customerGit;

    public GenerationCensus(KubernetesClient client, ScratchDatabase database, Path platformGit, CustomerGitRemote customerGit) {
        this.client = client;
        this.database = database;
        this.platformGit = platformGit;
        this.customerGit = customerGit;
    }

    /** The Generations of one app, oldest first. */
    public List<Generation> generationsOf(ChaosApp app) {
        return client.resources(Generation.class).inNamespace(app.namespace()).withLabel(Generation.APPSPEC_LABEL, app.name()).list()
                .getItems().stream().sorted(Comparator.comparingInt(g -> number(g.getMetadata().getName()))).toList();
    }

    /** Generations of these apps whose run has ended Succeeded. */
    public long succeeded(List<ChaosApp> apps) {
        return apps.stream().flatMap(a -> generationsOf(a).stream()).filter(GenerationCensus::succeeded).count();
    }

    /** What was found for every app; {@link Result#verdict} sums it up. */
    public Result count(List<ChaosApp> apps) throws Exception {
        Result result = new Result();
        for (ChaosApp app : apps) {
            List<Generation> generations = generationsOf(app);
            result.expected += app.expectedGenerations();
            generations(app, generations, result);
            commits(app, generations, result);
            migrations(app, generations, result);
            jobs(app, generations, result);
        }
        return result;
    }

    private static void generations(ChaosApp app, List<Generation> generations, Result result) {
        result.generations += generations.size();
        Set<String> expected = new TreeSet<>();
        for (int n = 1; n <= app.expectedGenerations(); n++) {
            expected.add(app.name() + "-" + n);
        }
        for (Generation g : generations) {
            if (!expected.contains(g.getMetadata().getName())) {
                result.problem("extra Generation " + app.namespace() + "/" + g.getMetadata().getName());
                result.extraGenerations++;
            }
            if (succeeded(g)) {
                result.succeeded++;
            } else {
                result.problem(app.namespace() + "/" + g.getMetadata().getName() + " not Succeeded: " + describe(g));
            }
        }
        Set<String> present = generations.stream().map(g -> g.getMetadata().getName()).collect(Collectors.toSet());
        expected.stream().filter(n -> !present.contains(n)).forEach(n -> result.problem("missing Generation " + app.namespace() + "/" + n));
    }

    /**
     * The generated branch holds exactly one commit per Generation (its trailer names it), and it
     * is the one the Generation recorded; the customer branch brought each in once, its head is
     * what the newest Generation recorded, and every commit and file the customer pushed is there.
     */
    private void commits(ChaosApp app, List<Generation> generations, Result result) throws IOException {
        try (Repository repository = repositoryOf(app); RevWalk walk = new RevWalk(repository)) {
            Map<String, List<RevCommit>> generated = byTrailer(walk, repository.exactRef(GENERATED));
            Map<String, List<RevCommit>> onMain = byTrailer(walk, repository.exactRef(Constants.R_HEADS + "main"));
            for (Generation g : generations) {
                String name = g.getMetadata().getName();
                List<RevCommit> commits = generated.getOrDefault(name, List.of());
                result.commits += commits.size();
                if (commits.isEmpty()) {
                    result.missingCommits++;
                    result.problem(app + ": no generated commit for " + name);
                } else if (commits.size() > 1) {
                    result.duplicateCommits += commits.size() - 1;
                    result.problem(app + ": " + commits.size() + " generated commits for " + name);
                }
                String recorded = g.getStatus() == null || g.getStatus().getCommit() == null ? null : g.getStatus().getCommit().getGeneratedSha();
                if (!commits.isEmpty() && !commits.get(0).name().equals(recorded)) {
                    result.problem(app + ": " + name + " recorded generated commit " + recorded + ", the branch has " + commits.get(0).name());
                    result.missingCommits++;
                }
                if (onMain.getOrDefault(name, List.of()).size() > 1) {
                    result.duplicateCommits += onMain.get(name).size() - 1;
                    result.problem(app + ": main brought " + name + " in " + onMain.get(name).size() + " times");
                }
            }
            int untrailered = generated.getOrDefault("", List.of()).size();
            if (untrailered > 0) {
                result.duplicateCommits += untrailered;
                result.problem(app + ": " + untrailered + " commit(s) on veroforge/generated name no Generation");
            }
            customerBranch(app, generations, repository, walk, result);
        }
    }

    private static void customerBranch(ChaosApp app, List<Generation> generations, Repository repository, RevWalk walk, Result result)
            throws IOException {
        result.customerBranches++;
        List<String> broken = new ArrayList<>();
        Ref main = repository.exactRef(Constants.R_HEADS + "main");
        Optional<Generation> newest = generations.stream().reduce((a, b) -> b);
        String recorded = newest.map(g -> g.getStatus() == null || g.getStatus().getCommit() == null ? null : g.getStatus().getCommit().getSha())
                .orElse(null);
        if (main == null) {
            broken.add("no main");
        } else {
            RevCommit head = walk.parseCommit(main.getObjectId());
            if (!head.name().equals(recorded)) {
                broken.add("main is at " + head.name() + ", the newest Generation recorded " + recorded);
            }
            for (String customer : app.customerCommits()) {
                if (!walk.isMergedInto(walk.parseCommit(ObjectId.fromString(customer)), head)) {
                    broken.add("the customer's commit " + customer + " is no longer on main");
                }
            }
            for (var file : app.customerFiles().entrySet()) {
                String content = read(repository, head, file.getKey());
                if (!file.getValue().equals(content)) {
                    broken.add("the customer's " + file.getKey() + " is " + (content == null ? "gone" : "changed") + " on main");
                }
            }
            for (Generation g : generations) {
                String sha = g.getStatus() == null || g.getStatus().getCommit() == null ? null : g.getStatus().getCommit().getGeneratedSha();
                if (sha != null && !walk.isMergedInto(walk.parseCommit(ObjectId.fromString(sha)), head)) {
                    broken.add(g.getMetadata().getName() + "'s generated commit is not on main");
                }
            }
        }
        long conflicts = repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS + "veroforge/conflicts/").size();
        if (conflicts > 0) {
            broken.add(conflicts + " conflicts branch(es)");
        }
        if (broken.isEmpty()) {
            result.intactBranches++;
        } else {
            result.problem(app + " (" + (app.remoteRepository() == null ? "platform-kept" : "customer remote") + "): " + String.join("; ", broken));
        }
    }

    /** One row per applied version in the app schema's history, each successful, versions 1..n; version 2 added its column. */
    private void migrations(ChaosApp app, List<Generation> generations, Result result) throws SQLException {
        Optional<String> schema = generations.stream().map(g -> g.getStatus() == null || g.getStatus().getMigrationPlan() == null ? null
                : g.getStatus().getMigrationPlan().getSchema()).filter(s -> s != null).findFirst();
        if (schema.isEmpty()) {
            result.missingMigrations += app.expectedGenerations();
            result.problem(app + ": no migration plan recorded, no schema to look at");
            return;
        }
        String quoted = "\"" + schema.get().replace("\"", "\"\"") + "\"";
        List<String> exists = database.names("SELECT to_regclass('" + quoted.replace("'", "''") + "." + HISTORY + "')::text");
        List<String> rows = exists.isEmpty() || exists.get(0) == null ? List.of()
                : database.names("SELECT version || ':' || success FROM " + quoted + "." + HISTORY + " WHERE version IS NOT NULL ORDER BY installed_rank");
        result.migrationRows += rows.size();
        Map<String, Integer> perVersion = new HashMap<>();
        for (String row : rows) {
            String[] parts = row.split(":");
            if (!"true".equals(parts[1])) {
                result.failedMigrations++;
                result.problem(app + ": a failed migration row for version " + parts[0]);
            }
            perVersion.merge(parts[0], 1, Integer::sum);
        }
        for (int n = 1; n <= app.expectedGenerations(); n++) {
            int count = perVersion.getOrDefault(String.valueOf(n), 0);
            if (count == 0) {
                result.missingMigrations++;
                result.problem(app + ": version " + n + " not in " + schema.get() + "." + HISTORY);
            } else if (count > 1) {
                result.duplicateMigrations += count - 1;
                result.problem(app + ": version " + n + " recorded " + count + " times");
            }
        }
        perVersion.keySet().stream().filter(v -> !v.matches("[0-9]+") || Integer.parseInt(v) > app.expectedGenerations())
                .forEach(v -> {
                    result.duplicateMigrations++;
                    result.problem(app + ": unexpected version " + v + " in " + schema.get());
                });
        if (app.expectedGenerations() >= 2 && database.names("SELECT column_name FROM information_schema.columns WHERE table_schema = '"
                + schema.get().replace("'", "''") + "' AND column_name = '" + ChaosApp.ADDED_COLUMN + "'").isEmpty()) {
            result.missingMigrations++;
            result.problem(app + ": version 2 is recorded but column " + ChaosApp.ADDED_COLUMN + " is not in " + schema.get());
        }
    }

    /**
     * Every build Job belongs to a Generation of the app that exists (by uid, as garbage collection
     * would see it), builds exactly the commit that Generation recorded, and every Generation has
     * the same set of component builds (api, ui): nothing left over, nothing built twice.
     */
    private void jobs(ChaosApp app, List<Generation> generations, Result result) {
        List<Job> jobs = client.batch().v1().jobs().inNamespace(app.namespace()).withLabel(Generation.BUILD_LABEL).list().getItems().stream()
                .filter(j -> app.name().equals(j.getMetadata().getLabels().get(Generation.APPSPEC_LABEL))).toList();
        result.jobs += jobs.size();
        Map<String, Generation> byName = generations.stream().collect(Collectors.toMap(g -> g.getMetadata().getName(), g -> g));
        Map<String, Set<String>> components = new HashMap<>();
        for (Job job : jobs) {
            String name = job.getMetadata().getName();
            Generation owner = byName.get(job.getMetadata().getLabels().get(Generation.GENERATION_LABEL));
            boolean ownedByIt = owner != null && job.getMetadata().getOwnerReferences().stream()
                    .anyMatch(o -> o.getUid().equals(owner.getMetadata().getUid()));
            String sha = owner == null || owner.getStatus() == null || owner.getStatus().getCommit() == null ? null : owner.getStatus().getCommit().getSha();
            boolean buildsItsCommit = sha != null && job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs().stream()
                    .anyMatch(a -> a.startsWith("--context=") && a.endsWith("#" + sha));
            if (!ownedByIt || !buildsItsCommit) {
                result.orphanedJobs++;
                result.problem(app + ": build Job " + name + (owner == null ? " has no Generation" : !ownedByIt ? " is not owned by " + owner.getMetadata().getName()
                        : " does not build the commit " + owner.getMetadata().getName() + " recorded (" + sha + ")"));
                continue;
            }
            components.computeIfAbsent(owner.getMetadata().getName(), k -> new TreeSet<>()).add(job.getMetadata().getLabels().get(Generation.BUILD_LABEL));
        }
        for (Generation g : generations) {
            if (!components.containsKey(g.getMetadata().getName())) {
                result.problem(app + ": " + g.getMetadata().getName() + " has no build Job");
                result.missingJobs++;
            }
        }
        if (components.values().stream().distinct().count() > 1) {
            result.problem(app + ": Generations built different components: " + components);
            result.missingJobs++;
        }
    }

    private Repository repositoryOf(ChaosApp app) throws IOException {
        if (app.remoteRepository() != null) {
            return customerGit.open(app.remoteRepository());
        }
        return new FileRepositoryBuilder().setGitDir(platformGit.resolve(app.namespace()).resolve(app.name() + ".git").toFile())
                .setMustExist(true).build();
    }

    /** The commits along first parents from {@code ref}, by the Generation their trailer names ("" for none). */
    private static Map<String, List<RevCommit>> byTrailer(RevWalk walk, Ref ref) throws IOException {
        Map<String, List<RevCommit>> commits = new HashMap<>();
        if (ref == null) {
            return commits;
        }
        walk.reset();
        walk.setFirstParent(true);
        walk.markStart(walk.parseCommit(ref.getObjectId()));
        for (RevCommit commit : walk) {
            String generation = commit.getFullMessage().lines().filter(l -> l.startsWith(TRAILER)).map(l -> l.substring(TRAILER.length()).trim())
                    .reduce((first, last) -> last).orElse("");
            commits.computeIfAbsent(generation, k -> new ArrayList<>()).add(commit);
        }
        walk.reset();
        walk.setFirstParent(false);
        return commits;
    }

    private static String read(Repository repository, RevCommit commit, String path) throws IOException {
        try (TreeWalk tree = TreeWalk.forPath(repository, path, commit.getTree())) {
            return tree == null ? null : new String(repository.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }

    static boolean succeeded(Generation g) {
        return g.getStatus() != null && g.getStatus().getPhase() == GenerationPhase.Succeeded && g.getStatus().isTrue("Succeeded");
    }

    static boolean finished(Generation g) {
        return g.getStatus() != null && g.getStatus().getPhase() != null && g.getStatus().getPhase() != GenerationPhase.Running
                && g.getStatus().getPhase() != GenerationPhase.AwaitingApproval;
    }

    /** Where a Generation stands, as an SRE would first read it. */
    static String describe(Generation g) {
        if (g.getStatus() == null) {
            return "no status";
        }
        return g.getStatus().getPhase() + " at " + g.getStatus().getStage() + ": " + g.getStatus().getConditions().stream()
                .filter(c -> !"True".equals(c.getStatus())).map(c -> c.getType() + "=" + c.getStatus() + " " + c.getReason() + " " + c.getMessage())
                .collect(Collectors.joining("; "));
    }

    static int number(String generation) {
        int dash = generation.lastIndexOf('-');
        try {
            return Integer.parseInt(generation.substring(dash + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The census. Clean: every expected Generation Succeeded, each once in every store, the customer's work intact. */
    public static final class Result {
        int expected;
        int generations;
        int succeeded;
        int extraGenerations;
        int commits;
        int duplicateCommits;
        int missingCommits;
        int migrationRows;
        int duplicateMigrations;
        int missingMigrations;
        int failedMigrations;
        int jobs;
        int orphanedJobs;
        int missingJobs;
        int customerBranches;
        int intactBranches;
        final List<String> problems = new ArrayList<>();

        void problem(String what) {
            problems.add(what);
        }

        public List<String> problems() {
            return problems;
        }

        public int succeeded() {
            return succeeded;
        }

        public int expected() {
            return expected;
        }

        public long duplicates() {
            return extraGenerations + duplicateCommits + duplicateMigrations + orphanedJobs;
        }

        public long lost() {
            return (expected - succeeded) + missingCommits + missingMigrations + failedMigrations + missingJobs + (customerBranches - intactBranches);
        }

        public boolean clean() {
            return problems.isEmpty() && succeeded == expected && generations == expected;
        }

        public String verdict() {
            return succeeded + "/" + expected + " Generations Succeeded, " + duplicates() + " duplicates, " + lost() + " lost (generated commits "
                    + commits + ": " + duplicateCommits + " duplicate, " + missingCommits + " missing; migration history rows " + migrationRows + ": "
                    + duplicateMigrations + " duplicate, " + missingMigrations + " missing, " + failedMigrations + " failed; build Jobs " + jobs + ": "
                    + orphanedJobs + " orphaned, " + missingJobs + " missing; customer branches intact " + intactBranches + "/" + customerBranches + ")"
                    + (problems.isEmpty() ? "" : "; problems: " + String.join(" | ", problems.subList(0, Math.min(8, problems.size()))));
        }
    }
}
