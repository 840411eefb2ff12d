package io.braid.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The manager's relational store: a pooled JDBC data source whose schema Flyway keeps current.
 * The embedded default is one SQLite file in the data directory (WAL mode, writers take the lock at
 * BEGIN so concurrent enrollments queue instead of deadlocking); the SQL itself stays portable.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    /**
     * SQLite has one writer at a time and makes the others poll with growing sleeps (up to 100 ms each),
     * which turns contention into long tail latency. Queuing writers here, fairly, costs nothing when
     * uncontended and keeps the queue in order. Null for stores with real row locking.
     */
    private final ReentrantLock writeLock;

    private Database(HikariDataSource pool, ReentrantLock writeLock) {
        this.pool = pool;
        this.writeLock = writeLock;
    }

    /** Opens (creating if needed) the embedded store {@code braid.db} in the directory, and migrates it. */
    public static Database embedded(Path dataDir) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.setBusyTimeout(15_000);
        sqlite.enforceForeignKeys(true);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource source = new SQLiteDataSource(sqlite);
        source.setUrl("jdbc:sqlite:" + dataDir.resolve("braid.db").toAbsolutePath());
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setPoolName("braid-store");
        config.setMaximumPoolSize(4);
        config.setAutoCommit(true);
        return migrate(new HikariDataSource(config), new ReentrantLock(true));
    }

    private static Database migrate(HikariDataSource pool, ReentrantLock writeLock) {
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, writeLock);
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Runs work in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(Jdbc.Work<T> work) {
        if (writeLock != null) {
            writeLock.lock();
        }
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        } finally {
            if (writeLock != null) {
                writeLock.unlock();
            }
        }
    }

    /** Runs a read (or a single-statement write) outside an explicit transaction. */
    public <T> T read(Jdbc.Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
