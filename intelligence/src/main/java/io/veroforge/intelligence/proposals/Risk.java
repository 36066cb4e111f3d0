package io.veroforge.intelligence.proposals;

import java.util.List;

/** A proposal's risk class with the reasons it got it. */
record Risk(Level level, List<String> reasons) {
    enum Level { low, medium, high }
}
