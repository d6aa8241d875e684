package dev.uip.definition.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.uip.definition.Api;
import dev.uip.definition.DefinitionStack;

/**
 * Unusual but possible input to every API of the service, as a new user or a careless client would send it: each is
 * answered 2xx or a 4xx JSON error with a code and a message, never a 5xx, and the service stays ready.
 */
@QuarkusTest
@QuarkusTestResource(DefinitionStack.class)
class DefinitionBadInputTest {

    static final String WS = "bad-input";
    static final String HUGE = "x".repeat(1_000_000);

    static RequestSpecification api() {
        return Api.as(WS, "editor").contentType("application/json");
    }

    /** Asserts the answer is 2xx or a 4xx JSON error, and returns it. */
    static Response answered(Response response, String what) {
        int status = response.statusCode();
        assertTrue(status < 500, what + " answered " + status + ": " + response.asString());
        if (status >= 400) {
            assertTrue(String.valueOf(response.contentType()).startsWith("application/json"),
                    what + " answered " + status + " with " + response.contentType() + ": " + response.asString());
            assertNotNull(response.jsonPath().getString("code"), what + ": " + response.asString());
            assertNotNull(response.jsonPath().getString("message"), what + ": " + response.asString());
        }
        return response;
    }

    static void refused(Response response, String what) {
        answered(response, what);
        assertTrue(response.statusCode() >= 400, what + " was accepted: " + response.asString());
    }

    static String definition(String name, String properties) {
        return "{\"name\":" + name + ",\"properties\":[" + properties + "]}";
    }

    static String pattern(String regex) {
        return definition("\"Pattern " + UUID.randomUUID() + "\"", "{\"name\":\"v\",\"type\":\"string\",\"pattern\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(regex) + "}");
    }

    static void stillReady() {
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void definitionBodiesOfTheWrongShape() {
        List<String> bodies = List.of("{oops", "", " ", "null", "[]", "[{\"name\":\"A\"}]", "\"text\"", "42", "true",
                "{\"name\":123}", "{\"name\":[\"x\"]}", "{\"name\":{\"first\":\"x\"}}", "{\"name\":null}", "{}",
                definition("\"A\"", "").replace("[]", "{}"), definition("\"A\"", "null"),
                definition("\"A\"", "\"a\""), definition("\"A\"", "[]"),
                definition("\"A\"", "{\"name\":\"a\",\"type\":\"string\",\"required\":\"yes\"}"),
                definition("\"A\"", "{\"name\":\"a\",\"type\":\"colour\"}"),
                definition("\"A\"", "{\"name\":\"a\",\"type\":null}"),
                definition("\"A\"", "{\"name\":\"a\",\"type\":\"integer\",\"minimum\":\"low\"}"),
                definition("\"A\"", "{\"name\":\"a\",\"type\":\"number\",\"minimum\":1e400}"),
                definition("\"A\"", "{\"name\":\"a\",\"type\":\"string\",\"maxLength\":1000000000000}"),
                definition("\"A\"", "{\"name\":\"a\",\"type\":\"string\",\"maxLength\":-1}"),
                definition("\"A\"", "{\"name\":\"a\",\"type\":\"enum\",\"allowedValues\":\"x\"}"),
                definition("\"A\"", "{\"name\":\"a\",\"type\":\"enum\",\"allowedValues\":[null]}"),
                definition("\"A\"", "{\"name\":\"a\",\"type\":\"array\",\"items\":[]}"),
                definition("\"A\"", "{\"name\":\"a\",\"type\":\"object\",\"properties\":{}}"),
                "{\"name\":\"A\",\"keyEvent\":\"maybe\"}", "{\"name\":\"A\",\"criticality\":\"extreme\"}",
                "{\"name\":\"A\",\"status\":\"deleted\"}", "{\"name\":\"A\",\"status\":\"archived\"}",
                "{\"name\":\"A\",\"enforcement\":\"punish\"}", "{\"name\":\"A\",\"tags\":\"one\"}",
                "{\"name\":\"A\",\"tags\":[1,2]}", "{\"name\":\"A\",\"tags\":[null]}",
                "{\"name\":\"A\",\"tags\":[\"bell\\u0007\"]}", "{\"name\":\"A\",\"tags\":[\"nul\\u0000\"]}",
                "{\"name\":\"A\",\"description\":\"nul \\u0000 inside\"}",
                "{\"name\":\"A\",\"properties\":[{\"name\":\"a\",\"type\":\"string\",\"description\":\"\\u0000\"}]}",
                "[".repeat(5_000) + "]".repeat(5_000), "{\"name\":" + "[".repeat(3_000) + "]".repeat(3_000) + "}");
        for (String body : bodies) {
            refused(api().body(body).post("/v1/definitions"), "POST " + abbreviate(body));
        }
        stillReady();
    }

    @Test
    void hugeAndUnusualNamesAndTexts() {
        refused(api().body(definition("\"" + HUGE + "\"", "")).post("/v1/definitions"), "a 1 MB name");
        refused(api().body("{\"name\":\"A\",\"description\":\"" + HUGE + "\"}").post("/v1/definitions"),
                "a 1 MB description");
        refused(api().body(definition("\"A\"", "{\"name\":\"" + HUGE + "\",\"type\":\"string\"}"))
                .post("/v1/definitions"), "a 1 MB property name");
        refused(api().body(definition("\"A\"", "{\"name\":\"a\",\"type\":\"string\",\"pattern\":\"" + HUGE + "\"}"))
                .post("/v1/definitions"), "a 1 MB pattern");
        for (String control : List.of("\\u0000", "\\u0007", "\\n", "\\r", "\\u001b[31m")) {
            refused(api().body(definition("\"Name " + control + " here\"", "")).post("/v1/definitions"),
                    "a name with " + control);
        }
        // The name is the registry's artifact id, which is ASCII without '%': other names are refused up front (before
        // this they were saved, then the registry refused them and the answer was a 503 that clients retry forever).
        for (String name : List.of("Inscription réussie", "注册完成", "تم التسجيل", "Signup 🎉", "e\u0301vent",
                "Zero\u200bWidth", "100% done")) {
            String body = definition(com.fasterxml.jackson.databind.node.TextNode.valueOf(name).toString(), "");
            Response response = api().body(body).post("/v1/definitions");
            refused(response, name);
            assertEquals("name", response.jsonPath().getString("field"), response.asString());
        }
        // A lone surrogate, as JSON can write it: not a character of any name.
        refused(api().body(definition("\"Lone \\ud800\"", "")).post("/v1/definitions"), "a lone surrogate");
        for (String name : List.of("Order: Completed! [beta] & more", "a.b-c_d (e) [f] 'g' \"h\" <i> ~j")) {
            String unique = name + " " + UUID.randomUUID();
            String body = definition(com.fasterxml.jackson.databind.node.TextNode.valueOf(unique).toString(), "");
            assertEquals(201, answered(api().body(body).post("/v1/definitions"), unique).statusCode(), unique);
            answered(api().get("/v1/definitions/{name}", unique), "GET " + unique).then().statusCode(200);
        }
        stillReady();
    }

    @Test
    void patternsAreCheckedWhenSaved() {
        // Linear-time under RE2: accepted.
        for (String safe : List.of("(a|b)*", "(.*a){12}", "^[a-z0-9._%+-]+@[a-z0-9.-]+$")) {
            assertEquals(201, answered(api().body(pattern(safe)).post("/v1/definitions"), safe).statusCode(), safe);
        }
        for (String unsafe : List.of("((a{1000}){1000}){1000}", "(?=x)", "(?<!a)b", "(a)\\1", "[", "a{2,1}",
                "x".repeat(501))) {
            Response response = api().body(pattern(unsafe)).post("/v1/definitions");
            refused(response, abbreviate(unsafe));
            assertEquals(400, response.statusCode());
            assertEquals("INVALID_DEFINITION", response.jsonPath().getString("code"));
            assertEquals("properties[0].pattern", response.jsonPath().getString("field"), response.asString());
        }
        stillReady();
    }

    @Test
    void badQueryParametersAndPathIds() {
        for (String query : List.of("page=-1", "size=abc", "size=1000000000000", "page=99999999999", "size=0",
                "size=201", "page=1.5", "keyEvent=maybe", "status=deleted", "status=", "q=%25%5F%5C",
                "q=" + "x".repeat(2_000), "owner=%00", "tag=%E2%80%AE")) {
            answered(api().get("/v1/definitions?" + query), "GET ?" + query);
        }
        refused(api().get("/v1/definitions?page=-1"), "page=-1");
        refused(api().get("/v1/definitions?size=abc"), "size=abc");
        refused(api().get("/v1/definitions?size=1000000000000"), "size=10^12");

        String name = "Versioned " + UUID.randomUUID();
        api().body(definition("\"" + name + "\"", "")).post("/v1/definitions").then().statusCode(201);
        for (String path : List.of("/versions/abc", "/versions/-1", "/versions/0", "/versions/99999999999",
                "/versions/1.0", "/diff", "/diff?from=a&to=b", "/diff?from=1", "/diff?from=-5&to=1",
                "/diff?from=1&to=99")) {
            answered(api().get("/v1/definitions/{name}" + path, name), path);
        }
        refused(api().get("/v1/definitions/{name}/versions/abc", name), "version abc");
        for (String weird : List.of("%00", "..", "x".repeat(3_000), "%E2%80%AE", "%F0%9F%8E%89", "a%2Fb", "%20")) {
            answered(api().urlEncodingEnabled(false).get("/v1/definitions/" + weird), "GET name " + abbreviate(weird));
            answered(api().urlEncodingEnabled(false).body(definition("\"x\"", "")).put("/v1/definitions/" + weird),
                    "PUT name " + abbreviate(weird));
            answered(api().urlEncodingEnabled(false).post("/v1/definitions/" + weird + "/archive"),
                    "archive " + abbreviate(weird));
        }
        refused(api().body(definition("\"Other\"", "")).put("/v1/definitions/{name}", name), "a renaming PUT");
        refused(api().body("[]").put("/v1/definitions/{name}", name), "PUT []");
        refused(api().body(definition("\"" + name + "\"", "")).put("/v1/definitions/{name}?breaking=perhaps", name),
                "breaking=perhaps");
        stillReady();
    }

    @Test
    void wrongMethodsContentTypesAndCredentials() {
        refused(Api.as(WS, "editor").contentType("text/plain").body("name=A")
                .post("/v1/definitions"), "text/plain");
        refused(Api.as(WS, "editor").contentType("application/xml").body("<name>A</name>")
                .post("/v1/definitions"), "application/xml");
        refused(Api.as(WS, "viewer").contentType("application/json").accept("application/xml")
                .get("/v1/definitions"), "Accept: application/xml");
        refused(api().delete("/v1/definitions/{name}", "Anything"), "DELETE");
        refused(api().patch("/v1/definitions"), "PATCH");
        refused(api().get("/v1/no-such-api"), "an unknown path");
        for (String header : List.of("Bearer", "Bearer ", "Bearer garbage", "Basic dXNlcjpwYXNz", "x".repeat(3_000),
                "Bearer uipm_" + "0".repeat(40))) {
            refused(given().contentType("application/json").header("Authorization", header).get("/v1/definitions"),
                    "Authorization " +
                            abbreviate(header));
        }
        // A token naming a malformed workspace (the gateway never signs one) is refused too.
        for (String workspace : List.of("UPPER", "has space", "../etc", "x".repeat(64), "%00", "ü")) {
            refused(Api.as(workspace, "viewer").get("/v1/definitions"), "workspace " + workspace);
        }
        stillReady();
    }

    @Test
    void workspacesAndKeys() {
        String ws = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, answered(Api.as(ws, "admin").contentType("application/json").body("{\"id\":\"" + ws + "\"}")
                .post("/v1/workspaces"), "create").statusCode());
        for (String body : List.of("", "{", "[]", "null", "{\"id\":5}", "{\"id\":\"Bad Id\"}", "{\"id\":null}",
                "{\"id\":\"" + ws + "\"}", "{\"id\":\"x1\",\"unplannedEvents\":\"sometimes\"}",
                "{\"id\":\"x2\",\"name\":\"\\u0007\"}", "{\"id\":\"x3\",\"name\":\"" + HUGE + "\"}",
                "{\"id\":\"" + "y".repeat(64) + "\"}")) {
            refused(Api.as(ws, "admin").contentType("application/json").body(body).post("/v1/workspaces"),
                    "POST workspace " + abbreviate(body));
        }
        // The same bad names and policies with an admin token for the very id they create: each a 400 of its own.
        String fresh = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        for (String body : List.of("{\"id\":\"%s\",\"unplannedEvents\":\"sometimes\"}",
                "{\"id\":\"%s\",\"name\":\"\\u0007\"}", "{\"id\":\"%s\",\"name\":\"" + HUGE + "\"}")) {
            assertEquals(400, answered(Api.as(fresh, "admin").contentType("application/json")
                    .body(body.formatted(fresh)).post("/v1/workspaces"), "POST workspace " + abbreviate(body))
                    .statusCode());
        }
        for (String body : List.of("{", "[]", "{\"name\":5}", "{\"unplannedEvents\":\"never\"}",
                "{\"name\":\"nul\\u0000\"}", "{\"name\":\"" + HUGE + "\"}")) {
            refused(Api.as(ws, "admin").contentType("application/json").body(body).put("/v1/workspaces/{ws}", ws),
                    "PUT workspace " + abbreviate(body));
        }
        for (String path : List.of("Bad", "%00", "x".repeat(3_000), "..")) {
            answered(Api.as(ws, "viewer").urlEncodingEnabled(false).get("/v1/workspaces/" + path), "GET workspace "
                    + abbreviate(path));
        }

        for (String collection : List.of("write-keys")) {
            for (String body : List.of("{", "[]", "5", "{\"name\":5}", "{\"name\":[\"a\"]}",
                    "{\"name\":\"bell\\u0007\"}", "{\"name\":\"nul\\u0000\"}", "{\"name\":\"" + HUGE + "\"}")) {
                refused(Api.as(ws, "admin").contentType("application/json").body(body)
                        .post("/v1/workspaces/{ws}/" + collection, ws), collection + " " + abbreviate(body));
            }
            answered(Api.as(ws, "admin").contentType("text/plain").body("anything").post(
                    "/v1/workspaces/{ws}/" + collection,
                    ws), collection + " text/plain");
            refused(Api.as(ws, "admin").contentType("application/json").body("{}").post(
                    "/v1/workspaces/{ws}/" + collection,
                    "Not A Workspace"), collection + " of a malformed workspace");
            for (String id : List.of("nope", "%00", "x".repeat(3_000), "..", "%F0%9F%8E%89")) {
                refused(Api.as(ws, "admin").urlEncodingEnabled(false)
                        .post("/v1/workspaces/" + ws + "/" + collection + "/" + id
                                + "/revoke"),
                        collection + " revoke " + abbreviate(id));
            }
        }
        for (String id : List.of("nope", "%00", "x".repeat(3_000))) {
            refused(Api.as(ws, "admin").urlEncodingEnabled(false)
                    .post("/v1/workspaces/" + ws + "/write-keys/" + id + "/rotate"),
                    "rotate " + abbreviate(id));
        }
        stillReady();
    }

    @Test
    void inferenceEndpoints() {
        for (String body : List.of("", "{", "null", "42", "\"text\"", "{}", "[]", "[1,2,3]", "[null]", "[[]]",
                "{\"batch\":\"no\"}", "[{\"event\":5}]", "[{\"event\":\"\\u0000\"}]",
                "[{\"event\":\"" + HUGE + "\"}]", "[".repeat(5_000) + "]".repeat(5_000),
                "[{\"event\":\"Deep\",\"properties\":" + "{\"a\":".repeat(900) + "1" + "}".repeat(900) + "}]")) {
            answered(api().body(body).post("/v1/definitions/infer"), "infer " + abbreviate(body));
            answered(api().body(body).post("/v1/definitions/infer?save=true"), "infer+save " + abbreviate(body));
        }
        refused(api().body("[]").post("/v1/definitions/infer?save=perhaps"), "save=perhaps");
        stillReady();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "... (" + text.length() + " chars)";
    }
}
