package uk.gov.courier.sampling;

/**
 * Why an uploaded sample could not be read at all (not a CSV, wrong encoding, empty, too big,
 * missing headings). Its message is the sentence support see.
 */
public final class SampleFileProblem extends Exception {

  public SampleFileProblem(String message) {
    super(message, null, false, false);
  }
}
