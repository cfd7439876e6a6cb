package org.smscampaign.testsupport;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class TestDatabaseTest {

    @Test
    void takesTheDatabaseFromTheEnvironment() {
        TestDatabase.Credentials credentials = TestDatabase.resolve(
                Map.of("SMS_TEST_DATABASE_URL", "jdbc:postgresql://db:5432/t", "SMS_TEST_DATABASE_PASSWORD", "secret"));

        assertThat(credentials).isEqualTo(new TestDatabase.Credentials("jdbc:postgresql://db:5432/t", "sms", "secret"));
    }

    @Test
    void withNeitherUrlNorDockerFailsSayingWhatToDo() {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "Docker answers here");

        assertThatIllegalStateException().isThrownBy(() -> TestDatabase.resolve(Map.of()))
            .withMessageContaining("SMS_TEST_DATABASE_URL")
            .withMessageContaining("./test");
    }

    @Test
    void schemaNamesAreSafeIdentifiers() {
        assertThat(TestDatabase.sanitize("web-ui")).isEqualTo("web_ui");
        assertThat(TestDatabase.sanitize("1x; drop")).isEqualTo("t_1x__drop");
    }

}
