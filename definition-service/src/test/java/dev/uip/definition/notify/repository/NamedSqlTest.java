package dev.uip.definition.notify.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** One statement for both SQL clients: names numbered by first use, casts and literals left alone. */
class NamedSqlTest {

    @Test
    void numbersNamesInOrderOfFirstUse() {
        NamedSql sql = NamedSql.of("select 'change:' || cast(:id as text), :b, x::text from t where a = :id");
        assertEquals(List.of("id", "b"), sql.names());
        assertEquals("select 'change:' || cast($1 as text), $2, x::text from t where a = $1", sql.numbered());
    }
}
