package io.veroforge.generator.migrate;

import java.util.List;

/**
 * A {@link MigrationPlan} split for a canary, during which the serving revision and the next one share
 * the schema.
 *
 * @param expand runs before the canary starts; both revisions work on the schema it leaves
 * @param contract runs once the canary is promoted and the old revision no longer serves
 * @param inPlace steps neither moment suits; when any exist the plan cannot canary
 */
public record ExpandContract(MigrationPlan expand, MigrationPlan contract, List<PlannedStep> inPlace) {

    public ExpandContract {
        inPlace = List.copyOf(inPlace);
    }

    public boolean splittable() {
        return inPlace.isEmpty();
    }
}
