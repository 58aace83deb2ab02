package com.ambiosys.platform.tenancy;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class TenancyConfiguration {

    @Bean
    PlatformTransactionManager transactionManager(EntityManagerFactory emf, DataSource dataSource) {
        TenantAwareTransactionManager manager = new TenantAwareTransactionManager(emf);
        manager.setDataSource(dataSource);
        return manager;
    }
}
