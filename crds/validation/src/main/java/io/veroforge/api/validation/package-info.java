/**
 * What kube-apiserver does with a CRD's schema besides checking it, shared by the CRD tests (the
 * examples are validated with it) and the local Kubernetes API: structural defaults, and the
 * Kubernetes CEL library functions the rules use.
 *
 * <p>May import: Jackson and CEL. Nothing of VeroForge.
 */
package io.veroforge.api.validation;
