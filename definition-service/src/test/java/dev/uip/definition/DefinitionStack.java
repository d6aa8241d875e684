package dev.uip.definition;

import java.util.Map;

import dev.uip.stack.RealStackResource;

/**
 * The real stack as every definition-service test uses it: its own database, reached as the non-owner application
 * role, so row-level security applies in every test.
 */
public class DefinitionStack extends RealStackResource {

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("database", "uip_definition", "app-user", "uip_app", "app-password", "uip_app_dev"));
    }
}
