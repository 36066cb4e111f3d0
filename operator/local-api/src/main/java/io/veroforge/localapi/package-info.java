/**
 * The local Kubernetes API: the Fabric8 CRUD mock server's behaviour over an indexed, concurrent store, made to look enough like kube-apiserver for
 * kubectl and the operator (discovery, tables, HTTP watches, merge patches), and the simulated Job and
 * Deployment controllers. Used by the run command, the tests and on its own
 * ({@link io.veroforge.localapi.StandaloneLocalApi}); never by the deployed operator.
 *
 * <p>May import: the API model, Fabric8 and its mock server. Nothing of the operator.
 */
package io.veroforge.localapi;
