package org.threshold.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** pg_dump and pg_restore get the hub's JDBC URL as libpq reads it, with no JDBC-only parameter and no password. */
class PostgresToolsTest {
    @Test
    void theJdbcUrlBecomesALibpqUrl() {
        assertThat(PostgresTools.libpqUrl("jdbc:postgresql://127.0.0.1:5432/threshold?user=threshold"
                + "&reWriteBatchedInserts=true&password=secret&sslmode=require"))
                .isEqualTo("postgresql://127.0.0.1:5432/threshold?user=threshold&sslmode=require");
        assertThat(PostgresTools.libpqUrl("jdbc:postgresql://db.example.org/hub"))
                .isEqualTo("postgresql://db.example.org/hub");
        assertThat(PostgresTools.libpqUrl("jdbc:postgresql:hub?ApplicationName=x")).isEqualTo("postgresql:///hub");
    }

    @Test
    void aPasswordInTheUrlGoesThroughTheEnvironmentUnlessAFileGaveOne() {
        String url = "jdbc:postgresql://127.0.0.1/hub?user=hub&password=s%26cret";
        assertThat(PostgresTools.password(url, null)).containsExactly("s&cret".toCharArray());
        assertThat(PostgresTools.password(url, "file".toCharArray())).containsExactly("file".toCharArray());
        assertThat(PostgresTools.password("jdbc:postgresql://127.0.0.1/hub?user=hub", null)).isNull();
    }
}
