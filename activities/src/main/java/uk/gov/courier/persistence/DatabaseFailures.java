package uk.gov.courier.persistence;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;
import uk.gov.courier.workflows.common.FailureType;

/**
 * Turns "the database is not answering" into {@link FailureType#DATABASE_UNAVAILABLE}, which
 * activities retry. Other database errors (a bug, a constraint) pass through unchanged.
 */
public final class DatabaseFailures {

  private DatabaseFailures() {}

  public static <T> T guard(Supplier<T> work) {
    try {
      return work.get();
    } catch (JdbiException e) {
      if (isUnavailable(e)) {
        throw FailureType.DATABASE_UNAVAILABLE.failure(
            FailureType.DATABASE_UNAVAILABLE.description());
      }
      throw e;
    }
  }

  public static void guard(Runnable work) {
    guard(
        () -> {
          work.run();
          return null;
        });
  }

  /** True when {@code e} says the database could not be reached, rather than refused a query. */
  public static boolean isUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectionException || t instanceof SQLTransientException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
