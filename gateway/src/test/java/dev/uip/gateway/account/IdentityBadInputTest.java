package dev.uip.gateway.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Odd and hostile bodies to every identity route, signed in or not: always a 2xx or a 4xx JSON error, never a 5xx. */
@QuarkusTest
@TestProfile(IdentityProfile.class)
class IdentityBadInputTest {

    private static final List<String> BODIES = List.of("", "null", "[]", "{", "123", "\"text\"", "{}",
            "{\"email\":5,\"password\":[1],\"workspace\":\"ws\"}", "{\"email\":{\"a\":1},\"workspace\":{\"id\":7}}",
            "{\"email\":\"" + "e".repeat(100_000) + "@x.io\",\"password\":\"" + "p".repeat(100_000) + "\"}",
            "{\"token\":\"" + "t".repeat(10_000) + "\",\"email\":\"a@b.co\",\"password\":\"pppppppppppppp\"}",
            "{\"email\":\"a\u0000@b.co\",\"password\":\"pppppppppppppp\",\"workspace\":{\"id\":\"a\u0000\"}}",
            "{\"role\":\"" + "r".repeat(10_000) + "\",\"name\":\"n\"}", "{\"id\":null}", "{\"name\":null}");

    private static final List<String[]> ROUTES = List.of(new String[]{"POST", "/auth/signup"},
            new String[]{"POST", "/auth/signin"}, new String[]{"POST", "/auth/setup"},
            new String[]{"POST", "/auth/invitations/accept"}, new String[]{"POST", "/auth/workspace"},
            new String[]{"POST", "/auth/signout"}, new String[]{"POST", "/api/v1/invitations"},
            new String[]{"POST", "/api/v1/tokens"}, new String[]{"PUT", "/api/v1/members/x"},
            new String[]{"PUT", "/api/v1/members/00000000-0000-0000-0000-000000000000"});

    @Test
    void neverAnswers5xx() {
        Browser admin = Browser.signup();
        for (String[] route : ROUTES) {
            for (String body : BODIES) {
                check(given(), route, body);
                check(admin.request(), route, body);
            }
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static void check(RequestSpecification request, String[] route, String body) {
        Response answer = request.contentType("application/json").body(body).request(route[0], route[1]);
        String what = route[0] + " " + route[1] + " " + body.substring(0, Math.min(60, body.length()));
        assertTrue(answer.statusCode() < 500, what + " answered " + answer.statusCode() + ": " + answer.asString());
        if (answer.statusCode() >= 400) {
            assertTrue(answer.contentType().contains("application/json"),
                    what + ": " + answer.statusCode() + " " + answer.contentType() + " " + answer.asString());
            answer.then().body("code", notNullValue()).body("message", notNullValue());
        }
    }
}
