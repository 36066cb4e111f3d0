package io.veroforge.generator.validate;

import static io.veroforge.generator.Fixtures.manifest;
import static io.veroforge.generator.Fixtures.resolveResource;
import static io.veroforge.generator.Fixtures.resolveYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.FieldType;
import io.veroforge.generator.model.OriginKind;
import io.veroforge.generator.model.Problem;
import io.veroforge.generator.resolve.Resolution;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationProblemsTest {

    private static List<Problem> errors(String specBody) {
        Resolution r = resolveYaml(manifest(specBody));
        assertThat(r.errors()).allSatisfy(p -> {
            assertThat(p.path()).isNotBlank();
            assertThat(p.fix()).as("fix of %s", p).isNotBlank();
        });
        return r.errors();
    }

    private static Problem only(List<Problem> problems, String path) {
        assertThat(problems).extracting(Problem::path).contains(path);
        return problems.stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void everyProblemOfABrokenSpecIsReportedAtOnceWithPathFixAndLine() {
        Resolution r = resolveResource("many-problems.yaml");

        assertThat(r.valid()).isFalse();
        assertThat(r.errors()).extracting(Problem::toString).contains(
                "line 11: entities[1].fields[0].type: unknown field type \"strng\" — did you mean \"string\"?",
                "line 16: entities[1].relations[0].target: unknown entity \"Techician\" — did you mean \"Technician\"?");
        assertThat(r.errors()).extracting(Problem::path).contains(
                "entities[1].fields[2].values",      // enum without values
                "entities[1].fields[3].min",         // min on text
                "entities[1].relations[1].required", // required oneToMany
                "entities[1].relations[1].target",   // unknown "Part"
                "entities[2].name");                 // Jobs collides with Job
        // Widget: a name alone is a valid entity, so only a warning (it gets a required name field); "order" (SQL) is mapped
        assertThat(r.warnings()).extracting(Problem::path).contains("entities[3]", "entities[1].fields[1].name");
        assertThat(r.errors()).extracting(Problem::path).doesNotContain("entities[3]");
        assertThat(r.errors()).allSatisfy(p -> {
            assertThat(p.fix()).isNotBlank();
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void unknownRelationTargetSuggestsTheClosestEntity() {
        Problem p = only(errors("""
                entities:
                  - name: Technician
                    fields: [{name: fullName, type: string}]
                  - name: Visit
                    fields: [{name: at, type: datetime}]
                    relations: [{name: tech, kind: manyToOne, target: Techician}]
                """), "entities[1].relations[0].target");
        assertThat(p.message()).isEqualTo("unknown entity \"Techician\"");
        assertThat(p.fix()).isEqualTo("did you mean \"Technician\"?");
    }

    @Test
    void duplicateEntitiesAndFieldsAreReported() {
        List<Problem> problems = errors("""
                entities:
                  - name: Pet
                    fields: [{name: name, type: string}, {name: name, type: text}]
                  - name: Pet
                    fields: [{name: age, type: integer}]
                """);
        assertThat(only(problems, "entities[1].name").message()).startsWith("duplicate entity \"Pet\"");
        assertThat(only(problems, "entities[0].fields[1].name").message()).startsWith("duplicate field \"name\"");
    }

    @Test
    void namesThatCollideAfterCaseOrPluralMappingAreReported() {
        List<Problem> problems = errors("""
                entities:
                  - name: Person
                    fields: [{name: firstName, type: string}]
                  - name: People
                    fields: [{name: size, type: integer}]
                  - name: Box
                    fields: [{name: label, type: string}, {name: Label, type: string}]
                    relations: [{name: person, kind: manyToOne, target: Person}]
                  - name: Crate
                    fields: [{name: personId, type: uuid}]
                    relations: [{name: person, kind: manyToOne, target: Person}]
                """);
        assertThat(only(problems, "entities[1].name").message()).contains("collides with \"Person\"").contains("people");
        assertThat(problems).extracting(Problem::path).contains("entities[2].fields[1].name");
        assertThat(only(problems, "entities[3].relations[0].name").message()).contains("column \"person_id\"");
    }

    @Test
    void enumTypeNameCollidingWithAnEntityIsReported() {
        Problem p = only(errors("""
                entities:
                  - name: Job
                    fields: [{name: status, type: enum, values: [open, done]}]
                  - name: JobStatus
                    fields: [{name: label, type: string}]
                """), "entities[0].fields[0].name");
        assertThat(p.message()).contains("\"JobStatus\"");
    }

    @Test
    void namesReservedInSqlTypescriptPrismaOrTheGeneratorAreMappedWithAWarningNotRefused() {
        Resolution r = resolveYaml(manifest("""
                entities:
                  - name: Class
                    fields: [{name: title, type: string}]
                  - name: Decimal
                    fields: [{name: scale, type: integer}]
                  - name: Ticket
                    fields:
                      - {name: delete, type: boolean}
                      - {name: user, type: string}
                      - {name: createdAt, type: datetime}
                  - name: AuditLog
                    fields: [{name: line, type: text}]
                """));
        assertThat(r.errors()).isEmpty();
        List<Problem> warnings = r.warnings();
        assertThat(only(warnings, "entities[0].name").message()).contains("TypeScript keyword").contains("\"ClassItem\"");
        assertThat(only(warnings, "entities[1].name").message()).contains("Prisma").contains("\"DecimalRecord\"");
        assertThat(only(warnings, "entities[2].fields[0].name").message()).contains("TypeScript keyword").contains("\"ticketDelete\"");
        assertThat(only(warnings, "entities[2].fields[1].name").message()).contains("SQL keyword").contains("\"ticketUser\"");
        assertThat(only(warnings, "entities[2].fields[1].name").fix()).isEqualTo("rename it to \"ticketUser\" (or another name) to silence this warning");
        assertThat(only(warnings, "entities[2].fields[2].name").message()).contains("column every generated table already has");
        assertThat(only(warnings, "entities[3].name").message()).contains("creates for itself").contains("\"AppAuditLog\"");
    }

    /** Outsider spec lab-precision: a bound the API's 4-place decimals cannot reach was accepted, and every create answered 400. */
    @Test
    void decimalBoundsBeyondFourPlacesOrFifteenWholeDigitsAreRefusedWithARoundedFix() {
        List<Problem> problems = errors("""
                entities:
                  - name: Assay
                    fields:
                      - {name: concentration, type: decimal, min: 0.00005, max: 0.00009}
                      - {name: budget, type: money, max: 10000000000000000}
                      - {name: dose, type: decimal, min: 0.0001, max: 999999999999999.9999}
                """);
        assertThat(only(problems, "entities[0].fields[0].min").message()).contains("5 decimal places").contains("at most 4");
        assertThat(only(problems, "entities[0].fields[0].min").fix()).isEqualTo("round it to 4 places, e.g. 0.0001");
        assertThat(only(problems, "entities[0].fields[0].max").fix()).isEqualTo("round it to 4 places, e.g. 0.0000");
        assertThat(only(problems, "entities[0].fields[1].max").message()).contains("more than 15 digits before the point");
        assertThat(problems).extracting(Problem::path).noneMatch(p -> p.startsWith("entities[0].fields[2]"));
    }

    /** Outsider spec long-names: a join table of 101 characters got constraint names cut alike, and Prisma refused the schema. */
    @Test
    void aJoinTableWhoseNamesPostgresWouldCutAlikeIsRefused() {
        String spec = """
                entities:
                  - name: ResidentialConstructionPermitApplication
                    fields: [{name: parcel, type: string}]
                    relations: [{name: contractors, kind: manyToMany, target: %s}]
                  - name: %s
                    fields: [{name: license, type: string}]
                """;
        Problem p = only(errors(spec.formatted("LicensedGeneralContractorRegisteredWithTheCounty", "LicensedGeneralContractorRegisteredWithTheCounty")),
                "entities[0].relations[0].name");
        assertThat(p.message()).contains("licensed_general_contractor_registered_with_the_counties_residential_construction_permit_applications")
                .contains("101 characters").contains("63");
        assertThat(p.fix()).contains("shorten the name of");
        // 56 characters: PostgreSQL cuts some of its names, but they stay distinct
        assertThat(errors(spec.formatted("Contractor", "Contractor"))).isEmpty();
    }

    /** Outsider spec tutoring-center: two many-to-many relations between one pair both used one join table. */
    @Test
    void aSecondManyToManyBetweenTheSamePairIsRefusedWithAWayToModelIt() {
        Problem p = only(errors("""
                entities:
                  - name: Teacher
                    fields: [{name: name, type: string}]
                  - name: Lesson
                    fields: [{name: period, type: integer}]
                    relations:
                      - {name: teachers, kind: manyToMany, target: Teacher}
                      - {name: substituteTeachers, kind: manyToMany, target: Teacher}
                """), "entities[1].relations[1].name");
        assertThat(p.message()).contains("Lesson.substituteTeachers").contains("Lesson.teachers").contains("\"lessons_teachers\"");
        assertThat(p.fix()).contains("LessonAssignment");
        // one many-to-many declared on both sides is one relation
        assertThat(errors("""
                entities:
                  - name: Teacher
                    relations: [{name: lessons, kind: manyToMany, target: Lesson}]
                  - name: Lesson
                    fields: [{name: period, type: integer}]
                    relations: [{name: teachers, kind: manyToMany, target: Teacher}]
                """)).isEmpty();
    }

    @Test
    void invalidIdentifiersGetAConvertedSuggestion() {
        List<Problem> problems = errors("""
                entities:
                  - name: work-order
                    fields: [{name: Due-Date, type: date}]
                  - name: Visit
                    fields: [{name: Due-Date, type: date}, {name: x, type: enum, values: [in progress]}]
                """);
        assertThat(only(problems, "entities[0].name").fix()).isEqualTo("rename it to \"WorkOrder\"");
        assertThat(only(problems, "entities[1].fields[0].name").fix()).isEqualTo("rename it to \"dueDate\"");
        assertThat(only(problems, "entities[1].fields[1].values[0]").fix()).isEqualTo("use \"inProgress\"");
    }

    @Test
    void unsupportedCombinationsAreReported() {
        List<Problem> problems = errors("""
                entities:
                  - name: Order
                    fields:
                      - {name: code, type: string, minLength: 10, maxLength: 5, pattern: "([a-z"}
                      - {name: qty, type: integer, min: 5, max: 1}
                      - {name: paid, type: boolean, unique: true, markers: [searchable]}
                      - {name: size, type: string, values: [s, m]}
                      - {name: card, type: integer, markers: [cardData, secret]}
                    relations:
                      - {name: customer, kind: manyToOne, target: Client, cascade: true}
                      - {name: tags, kind: manyToMany, target: Tag, required: true}
                      - {name: parent, kind: manyToOne, target: Order, required: true}
                  - name: Client
                    fields: [{name: name, type: string}]
                  - name: Tag
                    fields: [{name: label, type: string}]
                """);
        assertThat(problems).extracting(Problem::path).contains(
                "entities[0].fields[0].minLength", "entities[0].fields[0].pattern", "entities[0].fields[1].min",
                "entities[0].fields[2].unique", "entities[0].fields[2].markers", "entities[0].fields[3].values",
                "entities[0].fields[4].type", "entities[0].fields[4].markers[1]",
                "entities[0].relations[0].cascade", "entities[0].relations[1].required", "entities[0].relations[2].required");
        assertThat(only(problems, "entities[0].relations[0].cascade").fix()).contains("oneToMany relation of Client");
        assertThat(only(problems, "entities[0].relations[2].required").message()).contains("first row could never be inserted");
    }

    @Test
    void requiredRelationCyclesAreReported() {
        Problem p = only(errors("""
                entities:
                  - name: Egg
                    fields: [{name: laidOn, type: date}]
                    relations: [{name: hen, kind: manyToOne, target: Hen, required: true}]
                  - name: Hen
                    fields: [{name: name, type: string}]
                    relations: [{name: egg, kind: manyToOne, target: Egg, required: true}]
                """), "entities[0].relations[0].required");
        assertThat(p.message()).contains("cycle").contains("Egg.hen → Hen.egg → Egg");
    }

    @Test
    void rolesWorkflowsAndPagesAreCheckedAgainstTheModel() {
        List<Problem> problems = errors("""
                entities:
                  - name: Job
                    fields:
                      - {name: status, type: enum, values: [open, done]}
                      - {name: email, type: email}
                roles:
                  - name: Dispatcher
                    permissions:
                      - {entity: Jobb, actions: [read, wirte]}
                      - {entity: Job, actions: []}
                workflows:
                  - name: close
                    trigger: {type: fieldChange, entity: Job, field: status}
                    actions: [{type: setField, field: status, value: closed}]
                  - name: remind
                    trigger: {type: fieldChanged, entity: Job, field: stauts}
                    actions:
                      - {type: sendEmail, to: "{{emial}}", template: x}
                      - {type: callWebhook, url: "ftp://nope"}
                      - {type: notify, to: dispatcher}
                  - name: nightly
                    trigger: {type: schedule, schedule: "every night"}
                    actions: []
                pages:
                  - {name: Board, entity: Jobs, kind: list}
                  - {name: Edit, kind: form}
                """);
        assertThat(only(problems, "roles[0].name").fix()).isEqualTo("rename it to \"dispatcher\"");
        assertThat(only(problems, "roles[0].permissions[0].entity").fix()).isEqualTo("did you mean \"Job\"?");
        assertThat(only(problems, "roles[0].permissions[0].actions[1]").message()).isEqualTo("unknown action \"wirte\"");
        assertThat(problems).extracting(Problem::path).contains("roles[0].permissions[1].actions");
        assertThat(only(problems, "workflows[0].trigger.type").fix()).isEqualTo("did you mean \"fieldChanged\"?");
        assertThat(only(problems, "workflows[1].trigger.field").fix()).isEqualTo("did you mean \"status\"?");
        assertThat(only(problems, "workflows[1].actions[0].to").fix()).isEqualTo("did you mean \"email\"?");
        assertThat(problems).extracting(Problem::path).contains("workflows[1].actions[1].url", "workflows[1].actions[2].message",
                "workflows[2].trigger.schedule", "workflows[2].actions", "pages[0].entity", "pages[1].entity");
    }

    @Test
    void setFieldValueMustFitTheField() {
        Problem p = only(errors("""
                entities:
                  - name: Job
                    fields: [{name: status, type: enum, values: [open, done]}]
                workflows:
                  - name: close
                    trigger: {type: entityUpdated, entity: Job}
                    actions: [{type: setField, field: status, value: don}]
                """), "workflows[0].actions[0].value");
        assertThat(p.message()).contains("is not one of [open, done]");
        assertThat(p.fix()).isEqualTo("did you mean \"done\"?");
    }

    /** A workflow writes through Prisma, past the DTO's validators, so its constant must keep the field's constraints itself. */
    @Test
    void setFieldValueMustKeepTheFieldsConstraintsAndNeverFillAUniqueField() {
        List<Problem> problems = errors("""
                entities:
                  - name: Job
                    fields:
                      - {name: code, type: string, pattern: "^[A-Z]{2}-[0-9]{4}$"}
                      - {name: note, type: string, maxLength: 5}
                      - {name: priority, type: integer, min: 1, max: 5}
                      - {name: ref, type: string, unique: true}
                workflows:
                  - name: stamp
                    trigger: {type: entityCreated, entity: Job}
                    actions:
                      - {type: setField, field: code, value: done}
                      - {type: setField, field: note, value: much too long}
                      - {type: setField, field: priority, value: "9"}
                      - {type: setField, field: ref, value: R-1}
                      - {type: setField, field: code, value: AB-1234}
                """);
        assertThat(only(problems, "workflows[0].actions[0].value").message()).contains("does not match the pattern ^[A-Z]{2}-[0-9]{4}$");
        assertThat(only(problems, "workflows[0].actions[1].value").message()).contains("is longer than maxLength 5");
        assertThat(only(problems, "workflows[0].actions[2].value").message()).contains("is above max 5");
        Problem unique = only(problems, "workflows[0].actions[3].field");
        assertThat(unique.message()).contains("Job.ref, which is unique");
        assertThat(unique.fix()).contains("drop unique: true");
        assertThat(problems).extracting(Problem::path).doesNotContain("workflows[0].actions[4].value");
    }

    @Test
    void sparseEntityOutsideTheOntologyGetsARequiredNameWithItsOriginAndAWarning() {
        Resolution r = resolveYaml(manifest("""
                vertical: field-service
                entities:
                  - name: Technician
                  - name: Spaceship
                """));
        assertThat(r.valid()).isTrue();
        Problem p = only(r.warnings(), "entities[1]");
        assertThat(p.message()).contains("has no fields").contains("one required field, name");
        assertThat(p.fix()).isEqualTo("declare its fields to choose your own");
        assertThat(r.model().entity("Spaceship")).hasValueSatisfying(e -> {
            assertThat(e.fields()).extracting(Field::name, Field::type, Field::required).containsExactly(tuple("name", FieldType.STRING, true));
            assertThat(e.fields().get(0).origin().kind()).isEqualTo(OriginKind.DERIVED);
            assertThat(e.fields().get(0).origin().detail()).contains("Spaceship declares no fields and matches no ontology entity");
        });
        Problem typo = only(resolveYaml(manifest("""
                vertical: field-service
                entities:
                  - name: Techniciann
                """)).warnings(), "entities[0]");
        assertThat(typo.fix()).isEqualTo("declare its fields to choose your own, or did you mean \"Technician\"?");
    }

    @Test
    void unknownVerticalWarnsAndUsesTheUniversalOntologyButAnUnknownTemplatePackIsAnError() {
        Resolution r = resolveYaml(manifest("""
                vertical: feild-service
                templatePack: {name: nestjs-prisma-reakt}
                entities:
                  - name: Customer
                """));
        assertThat(only(r.warnings(), "vertical").fix()).isEqualTo("did you mean \"field-service\"?");
        assertThat(r.errors()).extracting(Problem::path).containsExactly("templatePack.name");
        assertThat(only(r.errors(), "templatePack.name").fix()).isEqualTo("did you mean \"nestjs-prisma-react\"?");
        // the universal Customer still gets its fields
        assertThat(r.model().entity("Customer").orElseThrow().fields()).extracting(f -> f.name()).contains("name", "email");
    }

    @Test
    void specWithOnlyRequirementsThatNameNothingIsRejectedWithAFix() {
        // requirements alone are enough when they name things (RequirementsOnlySpecTest); "a small app" names nothing
        Problem p = only(errors("requirements: a small app\n"), "requirements");
        assertThat(p.message()).contains("requirements name nothing");
        assertThat(p.fix()).contains("field-service");
    }
}
