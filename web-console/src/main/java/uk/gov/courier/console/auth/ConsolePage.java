package uk.gov.courier.console.auth;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource as console pages for signed-in people: {@link ConsoleAuthFilter} runs on every
 * request to it, so nothing under it is reached without a live session, every state-changing
 * request carries the session's anti-forgery token, and only the roles in {@link Allowed} may
 * change anything.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ConsolePage {}
