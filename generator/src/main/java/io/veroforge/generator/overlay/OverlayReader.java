package io.veroforge.generator.overlay;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.veroforge.generator.input.AppSpecInput;
import io.veroforge.generator.input.EntityInput;
import io.veroforge.generator.model.FieldType;
import io.veroforge.generator.model.Problem;
import io.veroforge.generator.ontology.Ontology;
import io.veroforge.generator.ontology.UniversalEntity;
import io.veroforge.generator.resolve.AppModelResolver;
import io.veroforge.generator.resolve.Resolution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads an overlay's files and checks them all before any is used: each must be
 * {@code ontology/<Type>.yaml} for a type the ontology has, holding {@code fields: [{name, type,
 * proposal}]} of new, optional, scalar fields that still resolve. One bad file refuses the whole
 * overlay with every problem named by path, so an overlay is applied whole or not at all.
 */
public final class OverlayReader {
    static final String ONTOLOGY_DIR = "ontology/";
    private static final Pattern FILE = Pattern.compile("ontology/([A-Za-z0-9]+)\\.yaml");
    private static final Pattern CAMEL = Pattern.compile("[a-z][A-Za-z0-9]{0,62}");
    private static final Set<String> IGNORED = Set.of("README.md");
    private static final String FORMAT = "the file holds `fields: [{name: camelCaseName, type: date, proposal: 17}]` (docs/intelligence.md)";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Ontology base;

    private record OverlayFile(List<OverlayField> fields) {
    }

    public OverlayReader(Ontology base) {
        this.base = base;
    }

    /**
     * The overlay in a directory: the committed tree at HEAD when it is a Git repository (work in
     * progress there is not an improvement), its files otherwise; a directory that does not exist
     * yet is an empty overlay.
     */
    public ImprovementsOverlay read(Path directory) {
        if (!Files.exists(directory)) {
            return ImprovementsOverlay.empty();
        }
        if (OverlayRepository.isRepository(directory)) {
            try (OverlayRepository repository = OverlayRepository.open(directory)) {
                return parse(directory.toString(), repository.committedFiles());
            }
        }
        return parse(directory.toString(), filesIn(directory));
    }

    /** Checks and reads overlay files ({@code path → bytes}, paths relative to the overlay's root). */
    public ImprovementsOverlay parse(String where, SortedMap<String, byte[]> files) {
        List<String> problems = new ArrayList<>();
        Map<String, List<OverlayField>> byType = new LinkedHashMap<>();
        MessageDigest sha = sha256();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String path = file.getKey();
            if (IGNORED.contains(path)) {
                continue;
            }
            var matcher = FILE.matcher(path);
            if (!matcher.matches()) {
                problems.add(path + ": not an overlay file — the overlay holds only ontology/<OntologyType>.yaml (and README.md);"
                        + " remove it or move it there");
                continue;
            }
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(file.getValue());
            sha.update((byte) 0);
            String type = matcher.group(1);
            UniversalEntity entity = base.universal().stream().filter(u -> u.name().equals(type)).findFirst().orElse(null);
            if (entity == null) {
                problems.add(path + ": " + type + " is not an ontology type — name the file after one of "
                        + String.join(", ", base.universal().stream().map(UniversalEntity::name).toList()));
                continue;
            }
            List<OverlayField> fields = fields(path, file.getValue(), entity, problems);
            if (!fields.isEmpty()) {
                byType.put(type, fields);
            }
        }
        if (problems.isEmpty() && !byType.isEmpty()) {
            probe(byType, problems);
        }
        if (!problems.isEmpty()) {
            throw new OverlayRefusedException(where, problems);
        }
        return byType.isEmpty() ? ImprovementsOverlay.empty()
                : new ImprovementsOverlay(HexFormat.of().formatHex(sha.digest()).substring(0, 12), byType);
    }

    private List<OverlayField> fields(String path, byte[] content, UniversalEntity entity, List<String> problems) {
        OverlayFile parsed;
        try {
            parsed = yaml.readValue(content, OverlayFile.class);
        } catch (IOException e) {
            problems.add(path + ": not readable (" + e.getMessage().lines().findFirst().orElse("") + ") — " + FORMAT);
            return List.of();
        }
        if (parsed == null || parsed.fields() == null || parsed.fields().isEmpty()) {
            problems.add(path + ": no fields — " + FORMAT + ", or delete the file");
            return List.of();
        }
        Set<String> taken = new HashSet<>();
        entity.fields().forEach(f -> taken.add(f.name()));
        entity.relations().forEach(r -> taken.add(r.name()));
        List<OverlayField> fields = new ArrayList<>();
        for (int i = 0; i < parsed.fields().size(); i++) {
            OverlayField field = parsed.fields().get(i);
            String at = path + ": fields[" + i + "]";
            int before = problems.size();
            if (field == null || field.name() == null || !CAMEL.matcher(field.name()).matches()) {
                problems.add(at + ".name: " + (field == null ? null : field.name())
                        + " is not a field name — use camelCase letters and digits, at most 63 characters (e.g. followUpOn)");
            } else if (!taken.add(field.name())) {
                problems.add(at + ".name: " + entity.name() + " already has a field or relation " + field.name()
                        + " — an improvement only adds new fields; choose another name or remove the entry");
            }
            FieldType type = field == null || field.type() == null ? null
                    : Stream.of(FieldType.values()).filter(t -> t.keyword().equals(field.type())).findFirst().orElse(null);
            if (type == null || type == FieldType.ENUM) {
                problems.add(at + ".type: " + (field == null ? null : field.type()) + " is not an overlay field type — use one of "
                        + String.join(", ", Stream.of(FieldType.values()).filter(t -> t != FieldType.ENUM).map(FieldType::keyword).toList())
                        + " (enums need values, which an overlay does not carry)");
            }
            if (field != null && field.proposal() != null && field.proposal() <= 0) {
                problems.add(at + ".proposal: " + field.proposal() + " is not a proposal id — use the id the intelligence engine gave, or leave it out");
            }
            if (problems.size() == before) {
                fields.add(field);
            }
        }
        return fields;
    }

    /** Resolves each extended type alone: what the model validator refuses there would break every app of that type. */
    private void probe(Map<String, List<OverlayField>> byType, List<String> problems) {
        AppModelResolver resolver = new AppModelResolver(new ImprovementsOverlay("probe", byType).applyTo(base));
        for (String type : byType.keySet()) {
            AppSpecInput spec = new AppSpecInput(null, null, null, null, List.of(new EntityInput(type, null, List.of(), List.of())),
                    List.of(), List.of(), List.of(), null, null, null, null, null, null);
            Resolution resolution = resolver.resolve("overlay-probe", "overlay-probe", spec);
            for (Problem p : resolution.errors()) {
                problems.add(ONTOLOGY_DIR + type + ".yaml: with it an entity of type " + type + " does not resolve: " + p
                        + " — fix or remove the field it names");
            }
        }
    }

    private static SortedMap<String, byte[]> filesIn(Path directory) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(directory.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the improvements overlay " + directory + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
