package org.threshold.hub.store;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.threshold.core.token.TokenId;

/**
 * How the hub's types sit in columns, the same on SQLite and PostgreSQL: times as epoch milliseconds (read back
 * from text too, for {@code registered_at}), ids and dates as text, token ids as bytes.
 */
final class JdbiTypes {
    private JdbiTypes() {
    }

    static void register(Jdbi jdbi) {
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.BIGINT) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                return (position, statement, context) -> statement.setLong(position, value.toEpochMilli());
            }
        });
        jdbi.registerArgument(new AbstractArgumentFactory<UUID>(Types.VARCHAR) {
            @Override
            protected Argument build(UUID value, ConfigRegistry config) {
                return (position, statement, context) -> statement.setString(position, value.toString());
            }
        });
        jdbi.registerArgument(new AbstractArgumentFactory<LocalDate>(Types.VARCHAR) {
            @Override
            protected Argument build(LocalDate value, ConfigRegistry config) {
                return (position, statement, context) -> statement.setString(position, value.toString());
            }
        });
        jdbi.registerArgument(new AbstractArgumentFactory<TokenId>(Types.BINARY) {
            @Override
            protected Argument build(TokenId value, ConfigRegistry config) {
                return (position, statement, context) -> statement.setBytes(position, value.toBytes());
            }
        });
        jdbi.registerColumnMapper(Instant.class, (ColumnMapper<Instant>) (rows, column, context) ->
                Columns.instant(rows, column));
        jdbi.registerColumnMapper(UUID.class, (ColumnMapper<UUID>) (rows, column, context) ->
                Columns.uuid(rows, column));
        jdbi.registerColumnMapper(LocalDate.class, (ColumnMapper<LocalDate>) (rows, column, context) ->
                Columns.date(rows, column));
        jdbi.registerColumnMapper(TokenId.class, (ColumnMapper<TokenId>) (rows, column, context) ->
                Columns.tokenId(rows, column));
    }
}
