package org.smscampaign.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at the {@link TestDatabase}, in the schema of the module
 * under test. Applied through {@link PostgresTest}.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String schema = TestDatabase.schemaFor(context.getEnvironment().getProperty("sms.test.schema"));
        TestDatabase.Credentials database = TestDatabase.get().forSchema(schema);
        TestPropertyValues
            .of("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
                    "spring.datasource.password=" + database.password())
            .applyTo(context);
    }

}
