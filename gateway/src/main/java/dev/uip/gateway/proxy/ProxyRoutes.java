package dev.uip.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.vertx.core.Context;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import dev.uip.gateway.identity.CallerResolver;
import dev.uip.gateway.identity.CsrfException;
import dev.uip.gateway.identity.Principal;
import dev.uip.gateway.identity.ServiceTokenSigner;
import dev.uip.gateway.identity.UnauthenticatedException;

/**
 * Passes every {@code /api/v1/<segment>/...} call the gateway does not answer itself to the service of that segment:
 * unknown segment 404; the caller verified first (401, or 403 for a session change without its CSRF token), nothing
 * read or sent before; the body read up to the bound (413); then method, path, query, body and content headers sent
 * with a service token in place of the caller's credentials, and the answer passed back (502 or 504 without one).
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    private static final String TARGET = "uip.proxy.target";
    private static final String PRINCIPAL = "uip.proxy.principal";

    @Inject
    RouteTable table;

    @Inject
    ProxyConfig config;

    @Inject
    Instance<CallerResolver> callers;

    @Inject
    ServiceTokenSigner signer;

    @Inject
    ServiceForwarder forwarder;

    void register(@Observes Router router) {
        // Two routes on the same paths: Vert.x wants a body handler first on its route, and the body is read only
        // once the caller is verified.
        Route verify = router.routeWithRegex(table.passedOnPathRegex());
        verify.handler(this::routeAndVerify).failureHandler(this::failed);
        Route forward = router.routeWithRegex(table.passedOnPathRegex());
        forward.handler(BodyHandler.create(false).setBodyLimit(config.maxBodySize().asLongValue()))
                .handler(this::forward)
                .failureHandler(this::failed);
    }

    private void routeAndVerify(RoutingContext ctx) {
        RouteTable.Target target = table.target(ctx.normalizedPath()).orElse(null);
        if (target == null) {
            ProxyAnswers.error(ctx, 404, "NOT_FOUND", "no such resource");
            return;
        }
        if (!callers.isResolvable()) {
            ProxyAnswers.error(ctx, 503, "IDENTITY_UNAVAILABLE", "the gateway cannot verify callers yet");
            return;
        }
        ctx.put(TARGET, target);
        HttpServerRequest request = ctx.request();
        // Nothing of the body is read until the caller is known: paused, it waits in the socket.
        request.pause();
        Cookie session = request.getCookie(CallerResolver.SESSION_COOKIE);
        Context context = ctx.vertx().getOrCreateContext();
        callers.get().resolve(request.getHeader(CallerResolver.AUTHORIZATION), session == null
                ? null
                : session.getValue(), request.getHeader(CallerResolver.CSRF_HEADER), request.method().name())
                // a resolver that hangs (its database gone) must not hold the call forever
                .ifNoItem().after(config.timeout()).failWith(() -> new IllegalStateException("no answer in time"))
                .subscribe().with(
                        principal -> context.runOnContext(ignored -> {
                            ctx.put(PRINCIPAL, principal);
                            ctx.next();
                            // the body handler has set its handlers by now; it resumes itself in most versions
                            request.resume();
                        }),
                        failure -> context.runOnContext(ignored -> refuse(ctx, failure)));
    }

    private void refuse(RoutingContext ctx, Throwable failure) {
        ctx.request().resume();
        if (failure instanceof UnauthenticatedException) {
            ProxyAnswers.error(ctx, 401, "UNAUTHENTICATED", failure.getMessage());
        } else if (failure instanceof CsrfException) {
            ProxyAnswers.error(ctx, 403, "CSRF_REFUSED", failure.getMessage());
        } else {
            LOG.error("Could not verify a caller", failure);
            ProxyAnswers.error(ctx, 503, "IDENTITY_UNAVAILABLE", "the caller could not be verified; try again");
        }
    }

    private void forward(RoutingContext ctx) {
        RouteTable.Target target = ctx.get(TARGET);
        Principal principal = ctx.get(PRINCIPAL);
        io.vertx.core.buffer.Buffer body = ctx.body().buffer();
        // A body read before this route (by another body handler) is bounded here.
        if (body != null && body.length() > config.maxBodySize().asLongValue()) {
            tooLarge(ctx);
            return;
        }
        HttpServerRequest request = ctx.request();
        String query = request.query();
        String url = target.baseUrl() + ctx.normalizedPath().substring(RouteTable.API_PREFIX.length())
                + (query == null ? "" : "?" + query);
        forwarder.send(request.method(), url, ProxyHeaders.toService(request.headers(), signer.tokenFor(principal)),
                body == null || body.length() == 0 ? null : body)
                .subscribe().with(answer -> {
                    if (ctx.response().closed()) {
                        return;
                    }
                    ctx.response().setStatusCode(answer.status());
                    ctx.response().headers().addAll(ProxyHeaders.toCaller(answer.headers()));
                    if (answer.body() == null) {
                        ctx.response().end();
                    } else {
                        ctx.response().end(answer.body());
                    }
                }, failure -> noAnswer(ctx, target, failure));
    }

    private static void noAnswer(RoutingContext ctx, RouteTable.Target target, Throwable failure) {
        if (failure instanceof ServiceForwarder.NoAnswer noAnswer && noAnswer.timedOut()) {
            ProxyAnswers.error(ctx, 504, "SERVICE_TIMEOUT", target.service() + " did not answer in time");
        } else {
            LOG.warnf("%s could not be reached: %s", target.service(), failure.getMessage());
            ProxyAnswers.error(ctx, 502, "SERVICE_UNAVAILABLE", target.service() + " could not be reached");
        }
    }

    private void failed(RoutingContext ctx) {
        if (ctx.statusCode() == 413) {
            tooLarge(ctx);
        } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            ProxyAnswers.error(ctx, ctx.statusCode(), "BAD_REQUEST", "the request cannot be read");
        } else {
            LOG.error("A passed-on call failed", ctx.failure());
            ProxyAnswers.error(ctx, 500, "INTERNAL_ERROR", "the request failed; see the log");
        }
    }

    private void tooLarge(RoutingContext ctx) {
        ProxyAnswers.error(ctx, 413, "TOO_LARGE", "the request body is larger than "
                + config.maxBodySize().asLongValue() + " bytes");
    }
}
