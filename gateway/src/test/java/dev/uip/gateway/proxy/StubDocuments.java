package dev.uip.gateway.proxy;

/** The OpenAPI documents the stub services serve: each has a path of its own, and two share a clashing schema name. */
final class StubDocuments {

    private StubDocuments() {
    }

    static String document(String service) {
        return switch (service) {
            case "definition" -> """
                    {"openapi":"3.1.0","info":{"title":"UIP definition service","version":"1"},
                     "servers":[{"url":"http://definition.internal:8082"}],
                     "security":[{"SecurityScheme":[]}],
                     "paths":{
                       "/v1/definitions/{name}":{"get":{"operationId":"get","tags":["Definitions"],
                         "security":[{"SecurityScheme":[]}],
                         "responses":{"200":{"description":"the definition","content":{"application/json":
                           {"schema":{"$ref":"#/components/schemas/Definition"}}}},
                           "404":{"description":"none","content":{"application/json":
                           {"schema":{"$ref":"#/components/schemas/ApiError"}}}}}}},
                       "/q/health":{"get":{"responses":{"200":{"description":"up"}}}}},
                     "components":{"schemas":{
                       "Definition":{"type":"object","properties":{"name":{"type":"string"},
                         "error":{"$ref":"#/components/schemas/ApiError"}}},
                       "ApiError":{"type":"object","properties":{"code":{"type":"string"},
                         "message":{"type":"string"}}}},
                       "securitySchemes":{"SecurityScheme":{"type":"http","scheme":"bearer"}}},
                     "tags":[{"name":"Definitions"}]}""";
            case "ingest" -> """
                    {"openapi":"3.1.0","info":{"title":"UIP ingest service","version":"1"},
                     "paths":{
                       "/v1/inspect":{"get":{"operationId":"get","responses":{"200":{"description":"events",
                         "content":{"application/json":{"schema":{"$ref":"#/components/schemas/ApiError"}}}}}}},
                       "/v1/batch":{"post":{"responses":{"200":{"description":"accepted"}}}},
                       "/v1/projects/{writeKey}/settings":{"get":{"responses":{"200":{"description":"settings"}}}}},
                     "components":{"schemas":{
                       "ApiError":{"type":"object","properties":{"error":{"type":"string"}}}}}}""";
            default -> "{}";
        };
    }
}
