package org.smscampaign.platform.replica;

import java.time.Clock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.smscampaign.platform.ReplicaProperties;
import org.smscampaign.platform.ReplicaReads;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplicaProperties.class)
class ReplicaConfiguration {

    /**
     * Scopes exist whether or not a replica is configured: without one they change
     * nothing.
     */
    @Bean
    ReplicaReads replicaReads() {
        return new ReadScope();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!'${sms.platform.replica.url:}'.isBlank()")
    static class Routing {

        /**
         * Wraps the auto-configured data source, so that JDBC and JPA alike route through
         * it; no second {@link DataSource} bean, which would stop that
         * auto-configuration.
         */
        @Bean
        static BeanPostProcessor replicaRouting(ObjectProvider<Replica> replica) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return (bean instanceof DataSource primary && "dataSource".equals(name)
                            && !(bean instanceof ReplicaRoutingDataSource))
                                    ? new ReplicaRoutingDataSource(primary, replica::getIfAvailable) : bean;
                }
            };
        }

        @Bean(destroyMethod = "close")
        Replica replica(ReplicaProperties properties, DataSource primary, Environment environment,
                ObjectProvider<Clock> clock, MeterRegistry meters) {
            HikariDataSource pool = new HikariDataSource();
            pool.setPoolName("replica");
            pool.setJdbcUrl(properties.url());
            pool.setUsername((properties.username() != null) ? properties.username()
                    : environment.getProperty("spring.datasource.username"));
            pool.setPassword((properties.password() != null) ? properties.password()
                    : environment.getProperty("spring.datasource.password"));
            pool.setReadOnly(true);
            pool.setMaximumPoolSize(properties.maximumPoolSize());
            pool.setMinimumIdle(Math.min(2, properties.maximumPoolSize()));
            pool.setConnectionTimeout(properties.connectionTimeout().toMillis());
            pool.addDataSourceProperty("socketTimeout", String.valueOf(properties.socketTimeout().toSeconds()));
            pool.setInitializationFailTimeout(-1); // starts while the replica is down
            // Measured by its schedule from the start: in use once seen current.
            return new Replica(pool, primary, properties, clock.getIfAvailable(Clock::systemUTC), meters);
        }

    }

}
