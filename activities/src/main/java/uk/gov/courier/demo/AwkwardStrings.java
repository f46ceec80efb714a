package uk.gov.courier.demo;

import java.util.List;

/**
 * Names and places that break naive CSV writers, spreadsheet imports and HTML templates. Real data
 * has all of these; the demo data puts them first so every export and page meets them.
 */
public final class AwkwardStrings {

  private AwkwardStrings() {}

  public static final List<String> SCHOOL_NAMES =
      List.of(
          "St Mary's C of E Primary School",
          "École Française de Londres Jacques Prévert",
          "Smith, Jones & Partners Academy",
          "The \"Quoted\" Community School",
          "Line One Academy\nLine Two Campus",
          "=HYPERLINK(\"http://evil.example\",\"Click\") Free School",
          "+44 International Academy",
          "-Minus Infant School",
          "@Home Learning Centre",
          "<script>alert('courier')</script> Academy",
          "Ysgol Gymraeg Llundain – Ŵ Ŷ ŵ ŷ",
          "Sir John Cass's Foundation and Red Coat C.E. School",
          "Brontë & Zoë Junior School; Haworth",
          "\tTabbed Primary School",
          "O'Neill Primary, \"The Hill\" <Campus B>");

  public static final List<String[]> MENTOR_NAMES =
      List.of(
          new String[] {"Siobhán", "O'Connor"},
          new String[] {"Zoë", "Brontë-Smith"},
          new String[] {"José", "Núñez, Jr."},
          new String[] {"=1+1", "Formula"},
          new String[] {"+Plus", "Minus"},
          new String[] {"-Dash", "@At"},
          new String[] {"<b>Bold</b>", "<script>alert(1)</script>"},
          new String[] {"Anne-Marie", "\"Nickname\" Smith"},
          new String[] {"Line", "Break\nSurname"},
          new String[] {"Łukasz", "Wróblewski"});

  public static final List<String> PROVIDER_NAMES =
      List.of(
          "St Mary's University, Twickenham",
          "Université de l'Éducation \"Partnership\"",
          "=SUM(1,2) Teacher Training",
          "<script>alert('provider')</script> SCITT",
          "Bath Spa University & Partners");

  public static final List<String> PLACES =
      List.of(
          "Bristol, City of",
          "Kingston upon Hull, City of",
          "St. Helens",
          "Bournemouth, Christchurch and Poole",
          "Southend-on-Sea",
          "Newcastle upon Tyne",
          "Ynys Môn");
}
