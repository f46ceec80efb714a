package uk.gov.courier.send;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The send_recipients table: the addresses a send goes to, frozen when it is created. */
public interface SendRecipientDao {

  @SqlBatch(
      """
      INSERT INTO send_recipients (send_id, position, email_address)
      VALUES (:sendId, :position, :emailAddress)
      """)
  void insert(
      @Bind("sendId") UUID sendId,
      @Bind("position") List<Integer> positions,
      @Bind("emailAddress") List<String> emailAddresses);

  /** The send's addresses in order; an address's position is its index in this list. */
  @SqlQuery(
      """
      SELECT email_address FROM send_recipients
      WHERE send_id = :sendId ORDER BY position
      """)
  List<String> addresses(@Bind("sendId") UUID sendId);

  @SqlUpdate("DELETE FROM send_recipients WHERE send_id = :sendId")
  int deleteAll(@Bind("sendId") UUID sendId);
}
