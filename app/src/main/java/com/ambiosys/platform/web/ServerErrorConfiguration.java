package com.ambiosys.platform.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Errors that Tomcat answers itself leave as problem documents too (see {@link ProblemReportValve}). */
@Configuration(proxyBeanMethods = false)
class ServerErrorConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(ObjectProvider<ProblemWriter> problems) {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // the host adds its error report valve at start unless one of the class it names is there already
                host.getPipeline().addValve(new ProblemReportValve(problems));
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }
}
