package dev.uip.gateway.account;

import java.util.Map;

import dev.uip.stack.RealStackResource;

/**
 * The real stack as the gateway's tests use it: the gateway's own database, reached as the non-owner application
 * role that production uses, so that the migrations' grants are tested too.
 */
public class GatewayStack extends RealStackResource {

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("database", "uip_gateway", "app-user", "uip_gateway_app", "app-password",
                "uip_gateway_app_dev"));
    }
}
