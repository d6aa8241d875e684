package dev.uip.gateway.account.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

import dev.uip.gateway.account.domain.AccountException;
import dev.uip.gateway.identity.CallerResolver;
import dev.uip.gateway.identity.Principal;
import dev.uip.schemas.identity.Role;

/** The verified caller of a gateway API request, refused 403 FORBIDDEN when its role is below the one needed. */
@ApplicationScoped
public class ApiCallers {

    @Inject
    CallerResolver resolver;

    public Uni<Principal> require(HttpServerRequest request, Role needed) {
        Cookie session = request.getCookie(CallerResolver.SESSION_COOKIE);
        return resolver.resolve(request.getHeader(CallerResolver.AUTHORIZATION),
                session == null ? null : session.getValue(), request.getHeader(CallerResolver.CSRF_HEADER),
                request.method().name()).map(principal -> {
                    if (!principal.role().includes(needed)) {
                        throw AccountException.forbidden("this needs the " + needed.roleName() + " role; yours is "
                                + principal.role().roleName());
                    }
                    return principal;
                });
    }
}
