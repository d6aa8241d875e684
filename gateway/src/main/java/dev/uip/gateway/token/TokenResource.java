package dev.uip.gateway.token;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

import dev.uip.gateway.account.rest.AccountRequests;
import dev.uip.gateway.account.rest.ApiCallers;
import dev.uip.schemas.identity.Role;

/** Personal API tokens: made by any member (the secret shown once), listed without secrets, revoked. */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    /** {@code POST /api/v1/tokens}: a name and optionally a role (default: the caller's). */
    public record NewToken(String name, String role) {
    }

    /** A token; {@code token} (the secret) only in the answer that made it. */
    public record TokenView(String id, String name, String role, String prefix, String userId, Instant createdAt,
            Instant lastUsedAt, String token) {

        static TokenView of(ApiToken token, String secret) {
            return new TokenView(token.id().toString(), token.name(), token.role().roleName(), token.displayPrefix(),
                    token.userId().toString(), token.createdAt(), token.lastUsedAt(), secret);
        }
    }

    @Inject
    Tokens tokens;

    @Inject
    ApiCallers callers;

    @Context
    HttpServerRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(NewToken body) {
        return callers.require(request, Role.VIEWER).chain(caller -> {
            NewToken wanted = AccountRequests.required(body);
            return tokens.create(caller, wanted.name(), wanted.role());
        }).map(issued -> Response.created(URI.create("/api/v1/tokens/" + issued.token().id()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(TokenView.of(issued.token(), issued.secret())).build());
    }

    @GET
    public Uni<List<TokenView>> list() {
        return callers.require(request, Role.VIEWER).chain(tokens::list)
                .map(all -> all.stream().map(token -> TokenView.of(token, null)).toList());
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> revoke(@PathParam("id") String id) {
        return callers.require(request, Role.VIEWER).chain(caller -> tokens.revoke(caller, id))
                .map(done -> Response.noContent().build());
    }
}
