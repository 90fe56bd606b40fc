package dev.serialtrace.desktop.common;

import javafx.application.Platform;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * Refuses database connections on the JavaFX thread: a query there would freeze the window.
 * All screens get their connections through this, so a mistake fails at once, in tests too.
 */
public final class FxThreadGuardedDataSource implements DataSource {
    private final DataSource delegate;

    public FxThreadGuardedDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    private void check() {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("database work on the JavaFX thread; run it as a BackgroundTask");
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        check();
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        check();
        return delegate.getConnection(user, password);
    }

    @Override public PrintWriter getLogWriter() throws SQLException { return delegate.getLogWriter(); }
    @Override public void setLogWriter(PrintWriter out) throws SQLException { delegate.setLogWriter(out); }
    @Override public void setLoginTimeout(int seconds) throws SQLException { delegate.setLoginTimeout(seconds); }
    @Override public int getLoginTimeout() throws SQLException { return delegate.getLoginTimeout(); }
    @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { return delegate.getParentLogger(); }
    @Override public <T> T unwrap(Class<T> iface) throws SQLException { return delegate.unwrap(iface); }
    @Override public boolean isWrapperFor(Class<?> iface) throws SQLException { return delegate.isWrapperFor(iface); }
}
