package io.veroforge.generator.scan;

import java.util.List;

/** One security rule over the whole generated repository (some rules need several files at once). */
public interface ScanRule {

    /** The rule id its findings carry. */
    String id();

    List<Finding> check(GeneratedFiles files);
}
