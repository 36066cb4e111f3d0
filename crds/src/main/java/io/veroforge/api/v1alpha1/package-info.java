/**
 * The VeroForge API, group {@code veroforge.io}, version {@code v1alpha1}.
 *
 * <p>Only the resource model lives here: spec and status classes whose annotations generate the
 * CRD YAML committed under {@code crds/}. Validation that the API server can do itself (required
 * fields, enums, patterns, lengths, CEL rules) is declared on the fields so that a bad manifest is
 * rejected by {@code kubectl apply} before any controller sees it.
 */
package io.veroforge.api.v1alpha1;
