package io.veroforge.operator.delivery;

import java.util.SortedMap;

import io.veroforge.api.v1alpha1.Generation;

/**
 * The files of a Generation's generated code, by path: what delivery reads the build components
 * from. The Generation pipeline provides it (it renders the code); delivery does not depend on how.
 */
@FunctionalInterface
public interface GenerationFiles {
    SortedMap<String, String> of(Generation generation);
}
