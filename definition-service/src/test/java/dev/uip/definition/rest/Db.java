package dev.uip.definition.rest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import dev.uip.stack.PostgresServer;
import dev.uip.stack.RealStack;

/** Plain JDBC connections to the test database: as the owner, or as the application's role. */
public final class Db {

    private Db() {
    }

    public static Connection owner() throws SQLException {
        return DriverManager.getConnection(RealStack.get().postgres().jdbcUrl("uip_definition"), PostgresServer.USER,
                "");
    }

    public static Connection app() throws SQLException {
        return DriverManager.getConnection(RealStack.get().postgres().jdbcUrl("uip_definition"), "uip_app",
                "uip_app_dev");
    }
}
