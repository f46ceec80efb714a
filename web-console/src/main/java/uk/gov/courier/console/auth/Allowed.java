package uk.gov.courier.console.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import uk.gov.courier.users.Role;

/**
 * The roles that may use a console resource method. Without it a page (GET) is open to every
 * signed-in role, and any other method is refused: a new form must say who may use it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allowed {
  Role[] value();
}
