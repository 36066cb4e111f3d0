package io.veroforge.operator.tenant;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.Tier;

/** Only enterprise tenants get a CloudNativePG cluster (and only then is its informer started). */
public class EnterpriseTier implements Condition<Object, Tenant> {
    @Override
    public boolean isMet(DependentResource<Object, Tenant> dependent, Tenant tenant, Context<Tenant> context) {
        return tenant.getSpec().getTier() == Tier.enterprise;
    }
}
