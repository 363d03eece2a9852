package org.threshold.hub.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Something done with a connection, inside the transaction {@link SqliteDatabase} opened for it. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
