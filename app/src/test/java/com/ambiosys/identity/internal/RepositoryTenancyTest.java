package com.ambiosys.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.ambiosys.platform.tenancy.TenantContext;
import com.ambiosys.support.SystemTest;
import com.ambiosys.support.TestTenants;

/** The tenant reaches PostgreSQL inside repository calls: a query that names another tenant still finds nothing. */
@SystemTest
class RepositoryTenancyTest {

    @Autowired
    Users users;
    @Autowired
    TestTenants tenants;

    @Test
    void repositoryCallRunsUnderTheContextTenantEvenWhenItsFilterNamesAnother() {
        var a = tenants.create();
        var b = tenants.create();
        assertThat(TenantContext.callAs(b.id(), () -> users.find(b.id(), b.adminId()))).isPresent();
        // the application filter is deliberately wrong (tenant B) while the context is tenant A
        assertThat(TenantContext.callAs(a.id(), () -> users.find(b.id(), b.adminId()))).isEmpty();
        // with no tenant at all, nothing
        assertThat(users.find(b.id(), b.adminId())).isEmpty();
    }
}
