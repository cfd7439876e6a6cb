package org.smscampaign.link;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** A data source a test can take down and bring back, like a database restart. */
public class SwitchableDataSource extends DelegatingDataSource {

    private volatile boolean down;

    public SwitchableDataSource(DataSource target) {
        super(target);
    }

    public void down() {
        this.down = true;
    }

    public void up() {
        this.down = false;
    }

    /** Puts it in front of the application's pool: {@code @Import} it into a test. */
    @TestConfiguration
    public static class InFrontOfThePool {

        @Bean
        @Primary
        SwitchableDataSource switchableDataSource(DataSourceProperties properties) {
            DataSource pool = properties.initializeDataSourceBuilder().build();
            return new SwitchableDataSource(pool);
        }

    }

    @Override
    public Connection getConnection() throws SQLException {
        if (this.down) {
            throw new SQLException("Connection refused (database down in this test)", "08001");
        }
        return super.getConnection();
    }

}
