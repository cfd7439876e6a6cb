package org.smscampaign.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL every {@code *IT} runs against. Resolved once per JVM, in this
 * order:
 * <ol>
 * <li>{@code SMS_TEST_DATABASE_URL} (with {@code SMS_TEST_DATABASE_USERNAME} and
 * {@code SMS_TEST_DATABASE_PASSWORD}, both defaulting to {@code sms}), as {@code ./test}
 * and CI set it;</li>
 * <li>a Testcontainers PostgreSQL, only where a Docker engine answers;</li>
 * <li>otherwise a failure that says how to get a database. Never an in-memory
 * stand-in.</li>
 * </ol>
 * Each Maven module's tests work in their own schema (see {@link #schemaFor}), recreated
 * empty once per JVM, so modules never see each other's Flyway history.
 */
public final class TestDatabase {

    static final String URL_VARIABLE = "SMS_TEST_DATABASE_URL";

    static final String REPLICA_URL_VARIABLE = "SMS_TEST_REPLICA_URL";

    /** Why a test of replica routing was skipped. */
    public static final String NO_REPLICA_MESSAGE = "SMS_TEST_REPLICA_URL is not set: ./test sets it after "
            + "scripts/ensure-replica starts a replica";

    static final String USERNAME_VARIABLE = "SMS_TEST_DATABASE_USERNAME";

    static final String PASSWORD_VARIABLE = "SMS_TEST_DATABASE_PASSWORD";

    static final String NO_DATABASE_MESSAGE = """
            No PostgreSQL for the integration tests.
            Set %s (for example jdbc:postgresql://localhost:5432/sms_test, with %s/%s),
            or run ./test which provisions a local PostgreSQL, or start a Docker engine for Testcontainers.
            """.formatted(URL_VARIABLE, USERNAME_VARIABLE, PASSWORD_VARIABLE);

    private static TestDatabase instance;

    private final Credentials server;

    private final Set<String> freshSchemas = new HashSet<>();

    private TestDatabase(Credentials server) {
        this.server = server;
    }

    /** The database server of this test run. */
    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = new TestDatabase(resolve(System.getenv()));
        }
        return instance;
    }

    static Credentials resolve(Map<String, String> environment) {
        String url = environment.get(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return new Credentials(url, environment.getOrDefault(USERNAME_VARIABLE, "sms"),
                    environment.getOrDefault(PASSWORD_VARIABLE, "sms"));
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return startContainer();
        }
        throw new IllegalStateException(NO_DATABASE_MESSAGE);
    }

    @SuppressWarnings("resource") // lives as long as the JVM; Testcontainers' reaper
                                  // removes it
    private static Credentials startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
        container.start();
        return new Credentials(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    /**
     * Connection settings for the given schema, which is dropped and created empty on
     * first use in this JVM.
     */
    public synchronized Credentials forSchema(String schema) {
        String name = sanitize(schema);
        if (freshSchemas.add(name)) {
            recreate(name);
        }
        return new Credentials(inSchema(server.url(), name), server.username(), server.password());
    }

    /**
     * The schema of the module under test: the {@code sms.test.schema} system property
     * that the build sets to the module's artifact id, else the working directory's name
     * (IDE runs).
     */
    public static String schemaFor(String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return sanitize(explicit);
        }
        String configured = System.getProperty("sms.test.schema");
        if (configured != null && !configured.isBlank()) {
            return sanitize(configured);
        }
        return sanitize(Path.of("").toAbsolutePath().getFileName().toString());
    }

    static String sanitize(String schema) {
        String name = schema.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return Character.isLetter(name.charAt(0)) ? name : "t_" + name;
    }

    private void recreate(String schema) {
        try (Connection connection = DriverManager.getConnection(server.url(), server.username(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot prepare test schema " + schema + " at " + server.url() + ": "
                    + ex.getMessage() + "\n" + NO_DATABASE_MESSAGE, ex);
        }
    }

    /**
     * The streaming replica of the test server, in the schema of the module under test
     * (which the primary made), when {@code SMS_TEST_REPLICA_URL} names one, as
     * {@code ./test} does after {@code scripts/ensure-replica}; same login as the
     * primary. Tests that need it assume it with {@link #NO_REPLICA_MESSAGE}.
     */
    public Optional<Credentials> replica() {
        String url = System.getenv(REPLICA_URL_VARIABLE);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(inSchema(url, schemaFor(null)), server.username(), server.password()));
    }

    private static String inSchema(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + sanitize(schema);
    }

    /** JDBC URL and login of a test database. */
    public record Credentials(String url, String username, String password) {

        /** Opens a plain JDBC connection, for assertions that bypass the application. */
        public Connection open() throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }

    }

}
