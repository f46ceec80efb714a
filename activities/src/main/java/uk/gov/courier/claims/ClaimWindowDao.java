package uk.gov.courier.claims;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The claim_windows table. */
@RegisterConstructorMapper(ClaimWindow.class)
public interface ClaimWindowDao {

  @SqlQuery("SELECT id, name, starts_on, ends_on FROM claim_windows WHERE id = :id")
  Optional<ClaimWindow> find(@Bind("id") long id);

  /** Every claim window, newest first. */
  @SqlQuery("SELECT id, name, starts_on, ends_on FROM claim_windows ORDER BY starts_on DESC, id")
  List<ClaimWindow> all();
}
