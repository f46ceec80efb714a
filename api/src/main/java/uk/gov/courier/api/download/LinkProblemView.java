package uk.gov.courier.api.download;

import uk.gov.courier.console.layout.PageView;
import uk.gov.courier.download.LinkProblem;

/**
 * Why a link cannot be used and how to get a new one. The page for an unknown link says nothing
 * that depends on the token, so a link that never existed and a string that is not a token at all
 * give the same page; used, expired and revoked pages say what happened but never when, or what the
 * file was.
 */
public final class LinkProblemView extends PageView {

  private final LinkProblem problem;
  private final String supportEmailAddress;

  LinkProblemView(LinkProblem problem, String supportEmailAddress) {
    super("download/link-problem.mustache", heading(problem));
    this.problem = problem;
    this.supportEmailAddress = supportEmailAddress;
  }

  static String heading(LinkProblem problem) {
    return switch (problem) {
      case UNKNOWN -> "This link is not valid";
      case USED -> "This link has already been used";
      case EXPIRED -> "This link has expired";
      case REVOKED -> "This link has been cancelled";
    };
  }

  public String getHeading() {
    return heading(problem);
  }

  public boolean isUnknown() {
    return problem == LinkProblem.UNKNOWN;
  }

  public boolean isUsed() {
    return problem == LinkProblem.USED;
  }

  public boolean isExpired() {
    return problem == LinkProblem.EXPIRED;
  }

  public boolean isRevoked() {
    return problem == LinkProblem.REVOKED;
  }

  public String getSupportEmailAddress() {
    return supportEmailAddress;
  }
}
