package dev.uip.gateway.account.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

import dev.uip.gateway.account.domain.SignedIn;
import dev.uip.gateway.account.rest.AccountRequests.Accept;
import dev.uip.gateway.account.rest.AccountRequests.NewWorkspace;
import dev.uip.gateway.account.rest.AccountRequests.Setup;
import dev.uip.gateway.account.rest.AccountRequests.Signin;
import dev.uip.gateway.account.rest.AccountRequests.Signup;
import dev.uip.gateway.account.rest.AccountRequests.SwitchWorkspace;
import dev.uip.gateway.account.service.Accounts;
import dev.uip.gateway.account.service.Accounts.NewOwner;
import dev.uip.gateway.account.service.Invitations;
import dev.uip.gateway.account.service.Sessions;
import dev.uip.gateway.identity.CallerResolver;

/** Sign-up, first-run setup, sign-in and out, the session and its workspace, and accepting an invitation. */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    Accounts accounts;

    @Inject
    Invitations invitations;

    @Inject
    Sessions sessions;

    @CookieParam(CallerResolver.SESSION_COOKIE)
    String cookie;

    @HeaderParam(CallerResolver.CSRF_HEADER)
    String csrfToken;

    @POST
    @Path("/signup")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> signup(Signup body) {
        Signup request = AccountRequests.required(body);
        NewWorkspace workspace = AccountRequests.workspace(request.workspace());
        return accounts.signup(NewOwner.of(request.email(), request.password(), workspace.id(), workspace.name()))
                .map(signedIn -> opened(Response.status(Response.Status.CREATED), signedIn));
    }

    @POST
    @Path("/setup")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> setup(Setup body) {
        Setup request = AccountRequests.required(body);
        NewWorkspace workspace = AccountRequests.workspace(request.workspace());
        return accounts.setup(request.token(),
                NewOwner.of(request.email(), request.password(), workspace.id(), workspace.name()))
                .map(signedIn -> opened(Response.status(Response.Status.CREATED), signedIn));
    }

    @POST
    @Path("/signin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> signin(Signin body) {
        Signin request = AccountRequests.required(body);
        return accounts.signin(request.email(), request.password(), request.workspace())
                .map(signedIn -> opened(Response.ok(), signedIn));
    }

    @POST
    @Path("/invitations/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> accept(Accept body) {
        Accept request = AccountRequests.required(body);
        return invitations.accept(request.token(), request.email(), request.password())
                .map(signedIn -> opened(Response.ok(), signedIn));
    }

    @POST
    @Path("/signout")
    public Uni<Response> signout() {
        return sessions.require(cookie, csrfToken, "POST").chain(sessions::end)
                .map(done -> Response.noContent().header(HttpHeaders.SET_COOKIE, sessions.clearedCookie()).build());
    }

    @GET
    @Path("/session")
    public Uni<SessionView> session() {
        return sessions.require(cookie, csrfToken, "GET").chain(accounts::view).map(SessionView::of);
    }

    @POST
    @Path("/workspace")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SessionView> switchWorkspace(SwitchWorkspace body) {
        // who asks comes first: a caller without a session learns nothing about the body it sent
        return sessions.require(cookie, csrfToken, "POST")
                .chain(session -> accounts.switchTo(session, AccountRequests.required(body).id()))
                .map(SessionView::of);
    }

    private Response opened(Response.ResponseBuilder answer, SignedIn signedIn) {
        return answer.header(HttpHeaders.SET_COOKIE, sessions.cookie(signedIn.cookie()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").entity(SessionView.of(signedIn)).build();
    }
}
