package io.veroforge.generator.validate;

import static io.veroforge.generator.Fixtures.manifest;
import static io.veroforge.generator.Fixtures.resolveYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.model.Problem;
import io.veroforge.generator.resolve.Resolution;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10, classes 7 and 8: a schedule the generated app's cron-parser cannot run, and a
 * workflow placeholder that does not resolve through the model, are refused at validate time
 * with the path and a fix.
 */
class SchedulesAndTemplatesValidationTest {

    private static final String ENTITIES = """
            entities:
              - name: Student
                fields:
                  - {name: fullName, type: string, required: true}
                  - {name: email, type: email, required: true}
              - name: Course
                fields: [{name: title, type: string, required: true}]
                relations:
                  - {name: students, kind: manyToMany, target: Student}
              - name: Enrollment
                fields: [{name: status, type: string}]
                relations:
                  - {name: student, kind: manyToOne, target: Student, required: true}
                  - {name: course, kind: manyToOne, target: Course, required: true}
              - name: Invoice
                fields: [{name: amount, type: money, required: true}]
                relations:
                  - {name: enrollment, kind: manyToOne, target: Enrollment, required: true}
            """;

    private static Resolution resolve(String workflows) {
        return resolveYaml(manifest(ENTITIES + workflows));
    }

    private static List<Problem> errorsAt(Resolution r, String path) {
        return r.errors().stream().filter(p -> p.path().equals(path)).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"@daily", "@hourly", "@weekly", "@monthly", "@yearly", "@annually", "@weekdays", "0 9-17/2 * * 1-5",
            "*/15 * * * *", "0 0 1,15 * *", "30 6 * jan,jul mon", "5/10 0 * * sun-sat", "0 0 * * 7"})
    void schedulesTheAppCanRunAreAccepted(String schedule) {
        Resolution r = resolve("""
                workflows:
                  - name: digest
                    trigger: {type: schedule, schedule: "%s"}
                    actions: [{type: callWebhook, url: "https://hooks.example.com/x"}]
                """.formatted(schedule));
        assertThat(r.errors()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"61 * * * *", "* 24 * * *", "0 0 0 * *", "0 0 * 13 *", "0 0 * * 8", "0 17-9 * * *", "*/0 * * * *",
            "@midnight", "@every 5m", "0 0 * * * *", "0 0 *", "0 0 L * *", "0 0 ? * *", "0 0 * * mon#2", "1,,2 * * * *"})
    void schedulesTheAppCannotRunAreRefusedWithPathAndFix(String schedule) {
        Resolution r = resolve("""
                workflows:
                  - name: digest
                    trigger: {type: schedule, schedule: "%s"}
                    actions: [{type: callWebhook, url: "https://hooks.example.com/x"}]
                """.formatted(schedule));
        List<Problem> problems = errorsAt(r, "workflows[0].trigger.schedule");
        assertThat(problems).as("problems of %s: %s", schedule, r.errors()).hasSize(1);
        assertThat(problems.get(0).message()).contains("cannot be scheduled");
        assertThat(problems.get(0).fix()).contains("@daily").contains("*/n");
    }

    @Test
    void outOfRangeFieldIsNamedInTheMessage() {
        Problem p = errorsAt(resolve("""
                workflows:
                  - name: digest
                    trigger: {type: schedule, schedule: "61 * * * *"}
                    actions: [{type: callWebhook, url: "https://hooks.example.com/x"}]
                """), "workflows[0].trigger.schedule").get(0);
        assertThat(p.message()).contains("minute \"61\"").contains("0-59");
    }

    @Test
    void placeholdersTwoRelationsDeepResolve() {
        Resolution r = resolve("""
                workflows:
                  - name: invoice-issued
                    trigger: {type: entityCreated, entity: Invoice}
                    actions:
                      - {type: sendEmail, to: "{{enrollment.student.email}}", message: "{{amount}} for {{enrollment.course.title}}"}
                      - {type: notify, to: "role:admin", message: "Invoice for {{enrollment.student.fullName}}"}
                """);
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void unknownPathsInRecipientsAndMessagesAreRefusedWithPathAndFix() {
        Resolution r = resolve("""
                workflows:
                  - name: invoice-issued
                    trigger: {type: entityCreated, entity: Invoice}
                    actions:
                      - {type: sendEmail, to: "{{enrollment.student.emial}}", message: "x"}
                      - {type: sendEmail, to: "{{enrollment.studnet.email}}", message: "x"}
                      - {type: notify, to: "role:admin", message: "Invoice {{amout}} for {{enrollment.course.titel}}"}
                """);
        Problem deep = errorsAt(r, "workflows[0].actions[0].to").get(0);
        assertThat(deep.message()).contains("{{enrollment.student.emial}}").contains("Student has no field \"emial\"");
        assertThat(deep.fix()).contains("email");
        assertThat(errorsAt(r, "workflows[0].actions[1].to").get(0).fix()).contains("student");
        List<Problem> message = errorsAt(r, "workflows[0].actions[2].message");
        assertThat(message).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("{{amout}}"))
                .anySatisfy(m -> assertThat(m).contains("{{enrollment.course.titel}}"));
        assertThat(message).extracting(Problem::fix).anySatisfy(f -> assertThat(f).contains("amount"));
    }

    @Test
    void pathsThroughListsAreRefused() {
        Resolution r = resolve("""
                workflows:
                  - name: course-changed
                    trigger: {type: entityUpdated, entity: Course}
                    actions:
                      - {type: sendEmail, to: "{{students.email}}", message: "changed"}
                """);
        Problem p = errorsAt(r, "workflows[0].actions[0].to").get(0);
        assertThat(p.message()).contains("is a list").contains("manyToMany");
        assertThat(p.fix()).contains("manyToOne");
    }
}
