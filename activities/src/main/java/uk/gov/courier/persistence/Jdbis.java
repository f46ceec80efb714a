package uk.gov.courier.persistence;

import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Builds the one {@link Jdbi} every DAO uses: SqlObject interfaces and PostgreSQL types. */
public final class Jdbis {

  private static final int STATEMENT_LIMIT = 200;

  private Jdbis() {}

  public static Jdbi create(DataSource dataSource) {
    return configure(Jdbi.create(dataSource));
  }

  public static Jdbi configure(Jdbi jdbi) {
    jdbi.installPlugin(new SqlObjectPlugin());
    jdbi.installPlugin(new PostgresPlugin());
    jdbi.getConfig(StatementExceptions.class).setMessageRendering(Jdbis::withoutArguments);
    return jdbi;
  }

  /**
   * Exception messages name the statement but never its bound values: those can be email addresses
   * or token hashes, and failure messages end up in logs and in Temporal's history.
   */
  private static String withoutArguments(StatementException e) {
    StatementContext context = e.getStatementContext();
    String sql = context == null ? null : context.getRawSql();
    if (sql == null) {
      return e.getShortMessage();
    }
    String oneLine = sql.replaceAll("\\s+", " ").trim();
    if (oneLine.length() > STATEMENT_LIMIT) {
      oneLine = oneLine.substring(0, STATEMENT_LIMIT) + "...";
    }
    return e.getShortMessage() + " [statement: \"" + oneLine + "\"]";
  }
}
