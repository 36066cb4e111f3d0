package io.veroforge.api.validation;

import java.util.List;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;

/**
 * The functions of the Kubernetes CEL list library that our rules use ({@code sum()} and
 * {@code isSorted()}), which standard CEL does not have. Semantics follow
 * k8s.io/apiserver/pkg/cel/library/lists.go: sum of an empty list is 0, a list is sorted when no
 * element is smaller than the one before it.
 */
public final class KubernetesCelLibrary {
    private KubernetesCelLibrary() {
    }

    public static List<CelFunctionDecl> declarations() {
        return List.of(
                CelFunctionDecl.newFunctionDeclaration("sum",
                        CelOverloadDecl.newMemberOverload("list_sum", SimpleType.DYN, ListType.create(SimpleType.DYN))),
                CelFunctionDecl.newFunctionDeclaration("isSorted",
                        CelOverloadDecl.newMemberOverload("list_is_sorted", SimpleType.BOOL, ListType.create(SimpleType.DYN))));
    }

    public static List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("list_sum", List.class, KubernetesCelLibrary::sum),
                CelFunctionBinding.from("list_is_sorted", List.class, KubernetesCelLibrary::isSorted));
    }

    private static Object sum(List<?> values) {
        if (values.stream().allMatch(Long.class::isInstance)) {
            return values.stream().mapToLong(Long.class::cast).sum();
        }
        return values.stream().mapToDouble(v -> ((Number) v).doubleValue()).sum();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object isSorted(List<?> values) {
        for (int i = 1; i < values.size(); i++) {
            if (((Comparable) values.get(i - 1)).compareTo(values.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }
}
