package dev.uip.anomaly.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import dev.uip.anomaly.domain.StoreNotReadyException;

/** A store that is not queryable yet is a 503 the client may retry, with the documented error code. */
class ErrorMappersTest {

    @Test
    void storeNotReadyIsARetryable503() {
        Response response = new ErrorMappers().storeNotReady(new StoreNotReadyException("rebalancing", null));

        assertEquals(503, response.getStatus());
        assertEquals("STORE_NOT_READY", ((ErrorMappers.ApiError) response.getEntity()).code());
        assertEquals("5", String.valueOf(response.getHeaderString("Retry-After")));
    }
}
