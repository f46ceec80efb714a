package uk.gov.courier.persistence;

import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Builds the one {@link Jdbi} every DAO uses: SqlObject interfaces and PostgreSQL types. */
public final class Jdbis {

  private Jdbis() {}

  public static Jdbi create(DataSource dataSource) {
    return configure(Jdbi.create(dataSource));
  }

  public static Jdbi configure(Jdbi jdbi) {
    jdbi.installPlugin(new SqlObjectPlugin());
    jdbi.installPlugin(new PostgresPlugin());
    return jdbi;
  }
}
