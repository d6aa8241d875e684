package dev.uip.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.uip.stack.ProductionConfigCheck;

/**
 * The built service in its production profile refuses to start when any endpoint, password or key it must take from
 * the environment is missing, and says which (no localhost fallback, no default password).
 */
class ProductionConfigIT {

    @Test
    void aMissingProductionSettingStopsTheStartNamingIt() throws Exception {
        assertEquals(List.of(), ProductionConfigCheck.failures());
    }
}
