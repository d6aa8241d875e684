package dev.uip.gateway.account.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.uip.gateway.account.domain.User;

/** People's accounts: found by email or id, created, counted (for the first run). */
@ApplicationScoped
public class UserStore {

    public static final String EMAIL_KEY = "app_user_email_unique";

    public Uni<User> byEmail(SqlClient sql, String email) {
        return sql.preparedQuery("select id, email, password_hash from app_user where email = $1")
                .execute(Tuple.of(email)).map(rows -> Rows.first(rows, UserStore::user));
    }

    public Uni<User> byId(SqlClient sql, UUID id) {
        return sql.preparedQuery("select id, email, password_hash from app_user where id = $1")
                .execute(Tuple.of(id)).map(rows -> Rows.first(rows, UserStore::user));
    }

    /** Fails with a unique violation of {@link #EMAIL_KEY} when the email has an account already. */
    public Uni<User> insert(SqlClient sql, String email, String passwordHash) {
        User user = new User(UUID.randomUUID(), email, passwordHash);
        return sql.preparedQuery("insert into app_user (id, email, password_hash) values ($1, $2, $3)")
                .execute(Tuple.of(user.id(), email, passwordHash)).replaceWith(user);
    }

    public Uni<Boolean> any(SqlClient sql) {
        return sql.query("select exists (select 1 from app_user) as any").execute()
                .map(rows -> rows.iterator().next().getBoolean("any"));
    }

    static User user(Row row) {
        return new User(row.getUUID("id"), row.getString("email"), row.getString("password_hash"));
    }
}
