package io.ticketrush.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.transaction.TransactionSystemException;

class StoreFailuresTest {

    @Test
    void aResetOrClosedConnectionIsALostConnection() {
        // as seen in loadtest --faults: Redis restarted under a request, PostgreSQL crash-restarted mid-transaction
        assertThat(StoreFailures.connectionLost(new RedisSystemException("Redis exception",
                new RuntimeException(new SocketException("Connection reset"))))).isTrue();
        assertThat(StoreFailures.connectionLost(new DataAccessResourceFailureException("insert",
                new SQLException("An I/O error occurred while sending to the backend.", "08006",
                        new EOFException())))).isTrue();
        assertThat(StoreFailures.connectionLost(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void otherStoreFailuresAreNot() {
        assertThat(StoreFailures.connectionLost(new RedisSystemException("ERR Error running script",
                new IllegalStateException("script")))).isFalse();
        assertThat(StoreFailures.connectionLost(new TransactionSystemException("commit failed",
                new SQLException("could not serialize", "40001")))).isFalse();
    }
}
