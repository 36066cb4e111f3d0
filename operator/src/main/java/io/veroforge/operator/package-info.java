/**
 * The run command's entry point: the operator as deployed, or with {@code --local} the whole platform
 * on embedded defaults, or with {@code --local-api} only the local Kubernetes API.
 */
package io.veroforge.operator;
