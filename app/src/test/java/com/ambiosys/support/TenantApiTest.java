package com.ambiosys.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.ambiosys.platform.tenancy.TenantTransactions;
import com.ambiosys.support.TestTenants.TestTenant;

/** A system test that starts each test with a fresh tenant and its administrator signed in. */
@SystemTest
public abstract class TenantApiTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected TestTenants tenants;
    @Autowired
    protected TenantTransactions tenantTx;
    @Autowired
    protected JdbcClient jdbc;

    protected ApiClient api;
    protected TestTenant tenant;
    protected String admin;

    @BeforeEach
    void openTenantAndSignIn() {
        api = new ApiClient(port);
        tenant = tenants.create();
        admin = api.login(tenant.adminEmail(), TestTenants.PASSWORD);
    }
}
