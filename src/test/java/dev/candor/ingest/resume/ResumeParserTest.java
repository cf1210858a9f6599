package dev.candor.ingest.resume;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.testing.Documents;
import dev.candor.testing.SampleData;
import dev.candor.interview.Resume;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResumeParserTest {

  static final String SEED_SAMPLE = SampleData.SEED_000_RESUME_TEXT;

  @Test
  void seedSampleParsesToTheExpectedStructure() {
    Resume r = ResumeParser.parse(SEED_SAMPLE);

    assertEquals("John Doe", r.name());
    assertEquals("john.doe@email.com", r.email());
    assertEquals("(555) 123-4567", r.phone());
    assertTrue(r.summary().startsWith("Software Engineer with 5 years of experience in full-stack development."),
        r.summary());
    assertTrue(r.summary().endsWith("Led development of scalable web applications serving 100k+ users."), r.summary());

    assertEquals(2, r.experience().size());
    Resume.Experience first = r.experience().get(0);
    assertAll(
        () -> assertEquals("Tech Corp Inc.", first.company()),
        () -> assertEquals("Senior Software Engineer", first.position()),
        () -> assertEquals("2020 - Present", first.duration()),
        () -> assertEquals("2020", first.startDate()),
        () -> assertEquals("Present", first.endDate()),
        () -> assertEquals("Led development of scalable web applications serving 100k+ users", first.description()),
        () -> assertEquals(4, first.highlights().size()),
        () -> assertEquals("Built CI/CD pipelines reducing deployment time by 60%", first.highlights().get(3)));
    Resume.Experience second = r.experience().get(1);
    assertAll(
        () -> assertEquals("StartupXYZ", second.company()),
        () -> assertEquals("Software Engineer", second.position()),
        () -> assertEquals("2019 - 2020", second.duration()),
        () -> assertEquals("Developed React frontend components for e-commerce platform", second.description()),
        () -> assertEquals(3, second.highlights().size()));

    assertEquals(1, r.education().size());
    Resume.Education edu = r.education().get(0);
    assertEquals("University of Technology", edu.institution());
    assertEquals("Bachelor of Science in Computer Science", edu.degree());
    assertEquals("Computer Science", edu.field());
    assertEquals("2019", edu.year());

    assertEquals(List.of("React", "Node.js", "Python", "JavaScript", "TypeScript", "AWS"), r.skills().subList(0, 6));
    assertEquals(List.of("React", "Node.js", "Python", "JavaScript", "TypeScript", "AWS", "Docker", "Kubernetes",
        "PostgreSQL", "MongoDB", "Git", "Scrum", "Agile"), r.skills());

    assertEquals(1, r.projects().size());
    Resume.Project p = r.projects().get(0);
    assertEquals("E-commerce Platform", p.name());
    assertEquals("Built full-stack e-commerce application using React and Node.js", p.description());
    assertEquals(List.of("React", "Node.js", "MongoDB", "Stripe API"), p.technologies());
    assertEquals("6 months", p.duration());

    assertEquals(List.of(), r.certifications());
    assertNull(r.linkedin());
    assertNull(r.github());
    assertSame(SEED_SAMPLE, r.rawText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Work History", "Professional Experience", "EMPLOYMENT", "WORK EXPERIENCE:",
      "Employment History", "experience", "E X P E R I E N C E", "## Relevant Experience"})
  void experienceHeadingVariants(String heading) {
    String text = """
        Jane Smith
        jane@example.com

        %s
        Backend Engineer
        Globex Corporation
        2018 - 2021
        - Built the billing service
        """.formatted(heading);
    Resume r = ResumeParser.parse(text);
    assertEquals(1, r.experience().size(), heading);
    assertEquals("Backend Engineer", r.experience().get(0).position());
    assertEquals("Globex Corporation", r.experience().get(0).company());
    assertEquals(List.of("Built the billing service"), r.experience().get(0).highlights());
  }

  @Test
  void otherHeadingVariantsSplitTheSections() {
    String text = """
        Jane Smith
        Career Objective
        Build reliable systems for people who depend on them.
        Academic Background
        Master of Science in Physics, Example University, 2016
        Technical Skills
        Rust, Haskell
        Licenses & Certifications
        • Certified Kubernetes Administrator (CKA)
        Personal Projects
        Tiny Compiler 2020
        • A compiler for a toy language
        """;
    Resume r = ResumeParser.parse(text);
    assertEquals("Build reliable systems for people who depend on them.", r.summary());
    assertEquals(1, r.education().size());
    assertEquals("Example University", r.education().get(0).institution());
    assertEquals("Physics", r.education().get(0).field());
    assertEquals("2016", r.education().get(0).year());
    assertEquals(List.of("Rust", "Haskell"), r.skills());
    assertEquals(List.of("Certified Kubernetes Administrator (CKA)"), r.certifications());
    assertEquals(1, r.projects().size());
    assertEquals("Tiny Compiler", r.projects().get(0).name());
    assertEquals("2020", r.projects().get(0).duration());
    assertEquals("A compiler for a toy language", r.projects().get(0).description());
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "Jan 2020 – Present; Jan 2020; Present",
      "2019-2021; 2019; 2021",
      "06/2017 - 12/2019; 06/2017; 12/2019",
      "Sept 2018 – May 2023; Sept 2018; May 2023",
      "Oct. 2021 – Current; Oct. 2021; Current",
      "March 2015 to June 2016; March 2015; June 2016",
      "2020 — now; 2020; now",
      "Summer 2022; Summer 2022; ",
      "May 2016; May 2016; "})
  void dateRangeForms(String printed, String start, String end) {
    String text = """
        EXPERIENCE
        Data Analyst | Initech | %s
        • Wrote reports
        """.formatted(printed);
    Resume.Experience e = ResumeParser.parse(text).experience().get(0);
    assertEquals(printed, e.duration());
    assertEquals(start, e.startDate());
    assertEquals(end, e.endDate());
    assertEquals("Data Analyst", e.position());
    assertEquals("Initech", e.company());
  }

  @Test
  void yearsInsideBulletsAreNotDates() {
    assertNull(DateRanges.find("Reduced costs by 40% for 300 clients"));
    assertEquals("2019 - 2021", DateRanges.find("Engineer, Acme, 2019 - 2021").text());
    assertNull(DateRanges.range("Summer 2022"));
  }

  @Test
  void fullDatesWithTheirDayAreDates() {
    DateRanges.Found found = DateRanges.find("Sept. 1, 2010 to Feb. 7, 2011");
    assertEquals("Sept. 1, 2010", found.start());
    assertEquals("Feb. 7, 2011", found.end());
    assertEquals("March 3rd 2020", DateRanges.find("Since March 3rd 2020").start());
    assertNull(DateRanges.find("Managed 31 clinics"), "a number is not a day without its month and year");
  }

  @Test
  void aTableRowWhoseFirstCellNamesTheSectionOpensIt() {
    // Word's resume wizard: each section is a table row, its name in the first cell, the first job in the others.
    Resume r = ResumeParser.parse("""
        Jason Voegele
        jason@example.com
        Professional experience\t2000 - present\tAtos Origin, Inc.\tCincinnati, OH
        Consultant
        Education\t1992 - 1998\tThe Ohio State University\tColumbus, OH
        Certifications\tSun Certified Programmer for the Java 2 Platform
        """);
    assertEquals(1, r.experience().size(), r.experience().toString());
    assertEquals("2000", r.experience().get(0).startDate());
    assertEquals("Atos Origin, Inc.", r.experience().get(0).company());
    assertEquals("The Ohio State University", r.education().get(0).institution());
    assertEquals(List.of("Sun Certified Programmer for the Java 2 Platform"), r.certifications());
  }

  @Test
  void jobsWrittenAsLabelledFieldsAreJobsWhereverTheyAre() {
    Resume r = ResumeParser.parse("""
        Man Hoe Keung, Jonathan
        Contact (email)\t:\tjonathan@example.com

        Date: Oct 2016 – present
        Position: Compliance Manager
        Company: Zhongtai International Holdings (Singapore) Pte. Ltd.
        Licence application, policies and procedures
        HR matters

        Past employment:
        Date: Oct 2014 – July 2016
        Position: Compliance Assistant Manager
        Company: Invesco Asset Management Singapore Ltd
        AML/KYC matters
        Others:
        Sales executive, waiter
        """);
    assertEquals(2, r.experience().size(), r.experience().toString());
    Resume.Experience first = r.experience().get(0);
    assertEquals("Compliance Manager", first.position());
    assertEquals("Zhongtai International Holdings (Singapore) Pte. Ltd.", first.company());
    assertEquals("Oct 2016", first.startDate());
    assertEquals(List.of("Licence application, policies and procedures", "HR matters"), first.highlights());
    Resume.Experience second = r.experience().get(1);
    assertEquals("July 2016", second.endDate());
    assertEquals(List.of("AML/KYC matters"), second.highlights(), "a label of its own ends the job");
    Resume consultant = ResumeParser.parse("Indu Oruganti\nClient: Northern Trust, Chicago, IL\nRole: Site Reliability Engineer\n");
    assertEquals("Northern Trust", consultant.experience().get(0).company(), "the client is the employer, without its place");
    // A single labelled line is not a job.
    assertEquals(0, ResumeParser.parse("Jane Roe\nRole: mentor for new hires\nLed onboarding").experience().size());
  }

  @Test
  void aLinkedInExportHasItsSidebarFirst() {
    Resume r = ResumeParser.parse("""
        Contact
        irmah525@example.com
        www.linkedin.com/in/irma-
        hernandez-b8330a5a (LinkedIn)
        Top Skills
        Microsoft Office
        iWork
        Languages
        English (Native or Bilingual)
        Irma Hernandez
        Senior Events Manager at Gladstone Institutes
        San Francisco, California, United States
        Summary
        Experienced event manager.
        Education
        UCSB
        Bachelor of Arts (B.A.), Spanish and Sociology · (2010 - 2014)
        """);
    assertEquals("Irma Hernandez", r.name(), "the name above its headline, not the first skill");
    assertEquals(List.of("Microsoft Office", "iWork"), r.skills());
    assertEquals("www.linkedin.com/in/irma-hernandez-b8330a5a", r.linkedin(), "an address the sidebar broke at a hyphen");
    assertEquals("San Francisco, California, United States", r.location(), "the place under the headline");
    Resume.Education school = r.education().get(0);
    assertEquals("UCSB", school.institution(), "printed above the degree");
    assertEquals("Bachelor of Arts (B.A.)", school.degree());
    assertEquals("Spanish and Sociology", school.field());
    assertEquals("2014", school.year());
  }

  @Test
  void rolesUnderALinkedInCompanyGroupTakeItsName() {
    Resume r = ResumeParser.parse("""
        Irma Hernandez
        irma@example.com
        Experience
        Gladstone Institutes
        3 years 1 month
        Senior Events Manager
        October 2024 - Present (9 months)
        San Francisco, California, United States
        Events Manager
        June 2022 - October 2024 (2 years 5 months)
        San Francisco, California, United States
        University of California, Hastings College of the Law
        Academic Projects and Events Manager
        August 2020 - June 2022 (1 year 11 months)
        """);
    List<String> companies = r.experience().stream().map(Resume.Experience::company).toList();
    assertEquals(List.of("Gladstone Institutes", "Gladstone Institutes"), companies.subList(0, 2), r.experience().toString());
    assertTrue(companies.get(2).startsWith("University of California"), "a role with its own company leaves the group");
  }

  @Test
  void clinicalPlacementsAndOtherWorkAreExperience() {
    Resume r = ResumeParser.parse("""
        Jaya Chaudhari
        jaya@example.com
        CLINICAL PLACEMENTS
        Consolidation, Palliative Care Unit, PRHC, Peterborough ON   Jan. 2022 - Apr. 2022
        • Provided primary care to terminally ill patients
        OTHER WORK EXPERIENCE
        Personal Support Worker, Fairhaven Long-Term Care Home, Peterborough ON   May 2019 - Aug 2019
        • Assisted residents with daily care
        """);
    assertEquals(2, r.experience().size(), r.experience().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"•", "▪", "●", "-", "*", "–", "◦", "➢", "►", "■", "✓", "o", "\uF0B7"})
  void bulletsOfAnyGlyph(String glyph) {
    String text = """
        EXPERIENCE
        Site Reliability Engineer
        Hooli
        Mar 2019 - Jan 2021
        %1$s Cut paging volume by half
        %1$s Automated certificate rotation
        """.formatted(glyph);
    Resume.Experience e = ResumeParser.parse(text).experience().get(0);
    assertEquals(List.of("Cut paging volume by half", "Automated certificate rotation"), e.highlights(), glyph);
    assertEquals("Hooli", e.company());
    assertEquals("Site Reliability Engineer", e.position());
  }

  @Test
  void wrappedBulletLinesAreJoined() {
    String text = """
        EXPERIENCE
        Software Engineer | Hooli | 2019 - 2021
        • Designed and implemented a real-time fraud detection pipeline processing fifty thousand
        transactions per second using Kafka
        • Mentored three engineers
        """;
    Resume.Experience e = ResumeParser.parse(text).experience().get(0);
    assertEquals(List.of("Designed and implemented a real-time fraud detection pipeline processing fifty thousand"
        + " transactions per second using Kafka", "Mentored three engineers"), e.highlights());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Staff Engineer | Umbrella Corp | 2017 - 2020",
      "Umbrella Corp | Staff Engineer | 2017 - 2020",
      "2017 - 2020 | Staff Engineer | Umbrella Corp",
      "Staff Engineer at Umbrella Corp, 2017 - 2020",
      "Umbrella Corp, Staff Engineer\n2017 - 2020",
      "Staff Engineer\nUmbrella Corp\n2017 - 2020",
      "Umbrella Corp\nStaff Engineer    2017 - 2020",
      "2017 - 2020\nStaff Engineer, Umbrella Corp, Raccoon City, MO",
      "Umbrella Corp, Raccoon City, MO, Staff Engineer\n2017 - 2020"})
  void jobLinesInEitherOrder(String jobLines) {
    String text = "EXPERIENCE\n" + jobLines + "\n• Ran the platform team\n";
    Resume r = ResumeParser.parse(text);
    assertEquals(1, r.experience().size(), jobLines);
    Resume.Experience e = r.experience().get(0);
    assertEquals("Staff Engineer", e.position(), jobLines);
    assertEquals("Umbrella Corp", e.company(), jobLines);
    assertEquals("2017", e.startDate(), jobLines);
    assertEquals("2020", e.endDate(), jobLines);
    assertEquals(List.of("Ran the platform team"), e.highlights());
  }

  @Test
  void severalJobsInSeveralLayouts() {
    String leading = """
        Professional Experience
        Acme Inc., San Francisco, CA, Product Manager
        Jan 2021 – Present
        Own the roadmap
        Run customer interviews
        Initech LLC, Austin, TX, Business Analyst
        Jun 2018 – Dec 2020
        Built the reporting suite
        """;
    Resume r = ResumeParser.parse(leading);
    assertEquals(2, r.experience().size());
    assertEquals("Product Manager", r.experience().get(0).position());
    assertEquals("Acme Inc.", r.experience().get(0).company());
    // a list whose glyphs were lost: one line, one highlight
    assertEquals(List.of("Own the roadmap", "Run customer interviews"), r.experience().get(0).highlights());
    assertEquals("Business Analyst", r.experience().get(1).position());
    assertEquals("Jun 2018", r.experience().get(1).startDate());
    assertEquals("Dec 2020", r.experience().get(1).endDate());

    // dates and location printed after the bullets (RenderCV style)
    String trailing = """
        Experience
        Nexus AI, Co-Founder & CTO
        • Built the inference platform
        San Francisco, CA
        June 2023 – present
        2 years 10 months
        NVIDIA Research, Research Intern
        • Designed a sparse attention kernel
        Santa Clara, CA
        May 2022 – Aug 2022
        """;
    r = ResumeParser.parse(trailing);
    assertEquals(2, r.experience().size());
    assertEquals("Nexus AI", r.experience().get(0).company());
    assertEquals("Co-Founder & CTO", r.experience().get(0).position());
    assertEquals("June 2023 – present", r.experience().get(0).duration());
    assertEquals(List.of("Built the inference platform"), r.experience().get(0).highlights());
    assertEquals("NVIDIA Research", r.experience().get(1).company());
    assertEquals("Research Intern", r.experience().get(1).position());
    assertEquals("May 2022", r.experience().get(1).startDate());
  }

  @Test
  void proseDescriptionIsKeptApartFromBullets() {
    String text = """
        EXPERIENCE
        June 2022 –
        Present
        Software Engineer (Front-End), Google, Mountain View, CA, USA
        Developing user interfaces using React and Redux. Working closely
        with designers on accessible web design.
        """;
    Resume.Experience e = ResumeParser.parse(text).experience().get(0);
    assertEquals("June 2022 – Present", e.duration());
    assertEquals("Google", e.company());
    assertEquals("Software Engineer (Front-End)", e.position());
    assertEquals("Developing user interfaces using React and Redux. Working closely with designers on accessible"
        + " web design.", e.description());
    assertEquals(List.of(), e.highlights());
  }

  @Test
  void skillsWithCategoryPrefixesAreSplitIntoItems() {
    String text = """
        SKILLS
        Languages: Java, Go; Tools: Docker
        • Frameworks: Spring Boot, React (Hooks, Context)
        Cloud: AWS, GCP,
        Azure
        """;
    List<String> skills = ResumeParser.parse(text).skills();
    assertEquals(List.of("Java", "Go", "Docker", "Spring Boot", "React (Hooks, Context)", "AWS", "GCP", "Azure"),
        skills);
  }

  @Test
  void skillListsOfOtherShapes() {
    String text = """
        Technical Skills:
        Python, C++, CUDA
        • Java and Spring, with Hibernate and JPA
        Go Python Node.js TypeScript
        REST APIs
        Communication
        """;
    assertEquals(List.of("Python", "C++", "CUDA", "Java and Spring, with Hibernate and JPA", "Go", "Node.js",
        "TypeScript", "REST APIs", "Communication"), ResumeParser.parse(text).skills());
    assertEquals(List.of("Kotlin", "Swift"), ResumeParser.parse("Jo Bloggs\nSkills: Kotlin, Swift\n").skills());
  }

  @Test
  void certificationsSection() {
    String text = """
        Alex Chen
        CERTIFICATIONS
        • AWS Solutions Architect Professional
        • Oracle Certified Professional, Java SE 8 Programmer
        Certified ScrumMaster (CSM)
        SKILLS
        Java
        """;
    Resume r = ResumeParser.parse(text);
    assertEquals(List.of("AWS Solutions Architect Professional", "Oracle Certified Professional, Java SE 8 Programmer",
        "Certified ScrumMaster (CSM)"), r.certifications());
    assertEquals(List.of("Java"), r.skills());
  }

  @Test
  void contactDetailsInTheirCommonForms() {
    String text = """
        ALEX CHEN
        Senior Data Engineer
        London, UK | +44 20 7946 0958 | alex.chen@mail.co.uk
        linkedin.com/in/alexchen • https://github.com/alexc
        SUMMARY
        Data engineer.
        """;
    Resume r = ResumeParser.parse(text);
    assertEquals("Alex Chen", r.name());
    assertEquals("alex.chen@mail.co.uk", r.email());
    assertEquals("+44 20 7946 0958", r.phone());
    assertEquals("London, UK", r.location());
    assertEquals("linkedin.com/in/alexchen", r.linkedin());
    assertEquals("https://github.com/alexc", r.github());

    Resume labelled = ResumeParser.parse("""
        Curriculum Vitae
        Name: Maria de la Cruz
        Phone: 206-555-0149
        Address: 12 Elm Street, Springfield, IL 62704
        Email: maria@example.org
        """);
    assertEquals("Maria de la Cruz", labelled.name());
    assertEquals("206-555-0149", labelled.phone());
    assertEquals("12 Elm Street, Springfield, IL 62704", labelled.location());

    Resume noName = ResumeParser.parse("Software Engineer\njohn.smith@example.com\n");
    assertEquals("John Smith", noName.name());
  }

  @Test
  void educationVariants() {
    Resume r = ResumeParser.parse("""
        EDUCATION
        B.S. Computer Science | University of California, Berkeley | 2018
        PhD Princeton University, Computer Science
        • Thesis: Efficient Search
        Princeton, NJ
        Sept 2018 – May 2023
        """);
    assertEquals(2, r.education().size());
    Resume.Education bs = r.education().get(0);
    assertEquals("B.S.", bs.degree());
    assertEquals("Computer Science", bs.field());
    assertEquals("University of California, Berkeley", bs.institution());
    assertEquals("2018", bs.year());
    Resume.Education phd = r.education().get(1);
    assertEquals("PhD", phd.degree());
    assertEquals("Princeton University", phd.institution());
    assertEquals("Computer Science", phd.field());
    assertEquals("2023", phd.year());
  }

  @Test
  void monthsOfOneYearAndTheSameSeasonOfSeveralYearsAreDates() {
    DateRanges.Found months = DateRanges.find("Consolidation, PRHC, Peterborough ON     Jan. – Apr. 2022");
    assertEquals("Jan. – Apr. 2022", months.text());
    assertEquals("Jan. 2022", months.start(), "the year printed once belongs to both months");
    assertEquals("Apr. 2022", months.end());
    DateRanges.Found summers = DateRanges.find("Camp Counsellor, Camp Fun, Brantford ON   Summer 2018, 2019");
    assertEquals("Summer 2018, 2019", summers.text());
    assertEquals("Summer 2018", summers.start());
    assertEquals("2019", summers.end());
    assertNull(DateRanges.find("Grew revenue in May and June"), "months without a year are no dates");
    assertTrue(DateRanges.isLength("300 hours"));
    assertTrue(DateRanges.isLength("2 years 10 months"));
    assertTrue(!DateRanges.isLength("300 patients"));
  }

  @Test
  void placementLinesReadAsTitleUnitEmployerPlaceAndDates() {
    // A Word résumé of a nursing student: "Type, hours, Unit, Employer, City PR" and the dates at the right margin.
    Resume r = ResumeParser.parse("""
        Jaya Chaudhari
        jaya@example.com
        CLINICAL PLACEMENTS
        Consolidation, 300 hours, Palliative Care Unit, PRHC, Peterborough ON             Jan. – Apr. 2022
        • Maintained a full RN work load in providing primary care to terminally ill patients through
        treating symptoms, bedsores, rashes, and wounds to increase the patient's quality of life
        Mental Health, 144 hours, Inpatient Mental Health Unit, PRHC, Peterborough ON May – Jul. 2020
        • Practiced charting, performed vitals, conducted rounds, and observed nurses during care
        Long-Term Care, 72 hours, St. Joseph's at Fleming, Peterborough ON              Jan. – Apr. 2019
        • Provided support for clients with bathing, toileting, feeding, and morning and evening care
        OTHER WORK EXPERIENCE
        Personal Support Worker, Fairhaven Long-Term Care Home, Peterborough ON      Summer 2020, 2021
        • Ensured daily care needs of residents with various health concerns and independence levels
        """);
    List<Resume.Experience> jobs = r.experience();
    assertEquals(4, jobs.size(), jobs.toString());
    assertAll(
        () -> assertEquals("Consolidation", jobs.get(0).position()),
        () -> assertEquals("PRHC", jobs.get(0).company(), "the employer after the unit"),
        () -> assertEquals("Jan. – Apr. 2022", jobs.get(0).duration()),
        () -> assertEquals(1, jobs.get(0).highlights().size(), "a wrapped bullet is one bullet"),
        () -> assertEquals("Mental Health", jobs.get(1).position(), "with no title word the first part is the title"),
        () -> assertEquals("PRHC", jobs.get(1).company()),
        () -> assertEquals("May – Jul. 2020", jobs.get(1).duration(), "a date right after the place"),
        () -> assertEquals("St. Joseph's at Fleming", jobs.get(2).company(), "'at' after no title is part of a name"),
        () -> assertEquals("Long-Term Care", jobs.get(2).position()),
        () -> assertEquals("Personal Support Worker", jobs.get(3).position()),
        () -> assertEquals("Fairhaven Long-Term Care Home", jobs.get(3).company()),
        () -> assertEquals("Summer 2020, 2021", jobs.get(3).duration()));
    assertEquals("Software Engineer", ResumeParser.parse("""
        EXPERIENCE
        Software Engineer at Google   2019 - 2021
        • Built things
        """).experience().get(0).position(), "'at' after a title still splits");
  }

  @Test
  void headingsInCapitalsLikeTheKnownOnesCloseTheSectionAbove() {
    Resume r = ResumeParser.parse("""
        Jaya Chaudhari
        jaya@example.com
        EDUCATION
        Bachelor of Science: Nursing, Trent University, Peterborough ON     Sep. 2019 – Apr. 2022
        CERTIFICATIONS AND TRAINING
        • Standard First Aid with CPR-HCP Recertification          2022
        • AODA Training, WHMIS Training, Ministry of Labour Health and Safety Awareness      2020
        • Oracle Certified Professional, Java SE 8 Programmer
        ACADEMIC ACHIEVEMENTS
        Dean's Honour Roll: Annual award for attaining an average over 80%         2020 – 2022
        SKILLS
        SQL
        HTML
        """);
    assertEquals(List.of("Standard First Aid with CPR-HCP Recertification", "AODA Training", "WHMIS Training",
        "Ministry of Labour Health and Safety Awareness", "Oracle Certified Professional, Java SE 8 Programmer"),
        r.certifications(), "an award under a heading in capitals is not a certificate");
    assertEquals(List.of("SQL", "HTML"), r.skills(), "a single word in capitals is an item, not a heading");
    Resume.Education school = r.education().get(0);
    assertEquals("Bachelor of Science", school.degree());
    assertEquals("Nursing", school.field());
    assertEquals("Trent University", school.institution());
    assertEquals("2022", school.year());
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "Carol Summers, RN, MEDSURG-BC; Carol Summers",
      "Man Hoe Keung, Jonathan; Man Hoe Keung, Jonathan",
      "Jaya Chaudhari Nurse City, ON Z9Y 8X7; Jaya Chaudhari"})
  void namesPrintedWithMoreOnTheirLine(String line, String name) {
    Resume r = ResumeParser.parse("""
        %s
        (999) 876-5432 | jayachaudhari1@example.com
        Key Qualifications
        Proficient in delivering comprehensive nursing care.
        EXPERIENCE
        Nurse | Hospital | 2019 - 2021
        """.formatted(line));
    assertEquals(name, r.name());
  }

  @Test
  void aNameAndAnAddressOnOneLineAreToldApartByTheEmail() {
    Resume r = ResumeParser.parse("""
        Jaya Chaudhari Nurse City, ON Z9Y 8X7
        (999) 876-5432 | Jayachaudhari1@example.com
        EDUCATION
        BSc Nursing, Trent University, 2022
        """);
    assertEquals("Jaya Chaudhari", r.name());
    assertTrue(r.location().endsWith("Nurse City, ON Z9Y 8X7"), r.location());
    Resume initial = ResumeParser.parse("""
        Priya Raman Springfield, IL 62704
        (217) 555-0101 | praman@example.com
        EXPERIENCE
        Teacher | Lincoln High School | 2015 - 2020
        """);
    assertEquals("Priya Raman", initial.name(), "an e-mail of the initial and the family name");
    assertTrue(initial.location().endsWith("Springfield, IL 62704"), initial.location());
  }

  @Test
  void skillListsWithExamplesCategoriesRunOnAndTwoNamesJoined() {
    Resume r = ResumeParser.parse("""
        Skills
        MS Office (Word, Excel, PowerPoint)
        Medical equipment operation, such as cardiac telemetry monitors, ventilators, and medication pumps
        Language comprehension: English and French
        Web Servers: Apache Tomcat, Nginx, WildFly. Databases: MySQL, PostgreSQL
        Bug Tracking & Testing Tools: JIRA, JUnit
        Operating Systems: Ubuntu, Windows, VMware and Mac OS.
        """);
    assertEquals(List.of("MS Office (Word, Excel, PowerPoint)",
        "Medical equipment operation, such as cardiac telemetry monitors, ventilators, and medication pumps",
        "English", "French", "Apache Tomcat", "Nginx", "WildFly", "MySQL", "PostgreSQL", "JIRA", "JUnit", "Ubuntu",
        "Windows", "VMware", "Mac OS"), r.skills());
  }

  @Test
  void schoolsRunTogetherOnOneLineAndCertificatesAmongThem() {
    Resume r = ResumeParser.parse("""
        Vipul Bhavsar
        vipul@example.com
        EDUCATION
        University of Southern California (USC), Master of Science, Computer Science University of California, Riverside, Bachelor of Science, Computer Science
        Project Management Professional (PMP)
        Dale Carnegie Institute Certification
        """);
    assertEquals(2, r.education().size(), r.education().toString());
    Resume.Education master = r.education().get(0);
    assertEquals("University of Southern California (USC)", master.institution());
    assertEquals("Master of Science", master.degree());
    assertEquals("Computer Science", master.field());
    Resume.Education bachelor = r.education().get(1);
    assertEquals("University of California, Riverside", bachelor.institution(), "the campus stays with its school");
    assertEquals("Bachelor of Science", bachelor.degree());
    assertEquals("Computer Science", bachelor.field());
    assertEquals(List.of("Project Management Professional (PMP)", "Dale Carnegie Institute Certification"), r.certifications());
  }

  @Test
  void monthAndTwoDigitYearRanges() {
    Resume.Experience job = ResumeParser.parse("""
        PROFESSIONAL EXPERIENCE
        ITT Technical Institute, Torrance, CA     6/01-09/02
        Adjunct Instructor
        • Taught programming
        """).experience().get(0);
    assertEquals("6/01-09/02", job.duration());
    assertEquals("Adjunct Instructor", job.position());
    assertEquals("ITT Technical Institute", job.company());
    assertNull(DateRanges.find("Scored 3/10 on the test"), "a fraction alone is no date");
  }

  @Test
  void aResumeWizardDocument() {
    // Word's resume wizard: the address over two lines above the name, sections as table rows, skills told in sentences.
    Resume r = ResumeParser.parse("""
        12 Winding Way
        Fort Thomas, KY  41075
        Phone: 513-593-9632	E-mail: jason@example.com
        Jason Voegele
        Professional experience	1998 – 2000	Carolla Development, Inc.	Columbus, OH
        Software Engineer
        • Designed and developed a workflow application
        Education	1992 – 1998          The Ohio State University	Columbus, OH
        Course of Study:   Computer and Information Science
        Summary of Technical Experience	Programming in Java, C++, C, Eiffel, and Perl
        • Application development with Oracle 8i, Sybase, and MySQL databases
        • Client/server development with CORBA, SOAP, and some DCOM
        """);
    assertEquals("Jason Voegele", r.name(), "a city before its state code is no name");
    assertEquals("12 Winding Way, Fort Thomas, KY 41075", r.location());
    assertEquals("Computer and Information Science", r.education().get(0).field());
    assertEquals("The Ohio State University", r.education().get(0).institution());
    assertEquals(List.of("Java", "C++", "C", "Eiffel", "Perl", "Oracle 8i", "Sybase", "MySQL", "CORBA", "SOAP", "DCOM"),
        r.skills());
  }

  @Test
  void aNurseResumeWithTheTitleUnderTheDatesAndATableOfSchools() {
    Resume r = ResumeParser.parse("""
        JEFFREY CUEVAS GARCIA,RN
        Morroccan Sweet House Bldg.,
        Khalidiya St., Abu Dhabi, UAE
        Email: jeffrey@example.com
        PROFESSIONAL EXPERIENCE :
        Golden Acres Doctors Hospital, Las Pinas, Philippines
        Sept. 1, 2010 to Feb. 7, 2011
        Staff Nurse
        • Admission and discharging of patients.
        Private Duty nurse, Part time job
        Dasmarinas, Cavite, 2008 to 2010
        • Establishing rapport with the patient
        EDUCATIONAL ATTAINMENT:
        Course: Bachelor of Science in Nursing Batch 2010
        COLLEGE		University of Perpetual Help System Molino Campus
        """);
    assertEquals("Jeffrey Cuevas Garcia", r.name());
    assertEquals("Morroccan Sweet House Bldg., Khalidiya St., Abu Dhabi, UAE", r.location());
    Resume.Experience job = r.experience().get(0);
    assertEquals("Staff Nurse", job.position(), "the title printed under the dates");
    assertEquals("Golden Acres Doctors Hospital", job.company());
    assertEquals(List.of("Admission and discharging of patients."), job.highlights());
    Resume.Experience second = r.experience().get(1);
    assertEquals("Private Duty nurse", second.position(), "a title over a dated line with a place but no title is one job");
    assertEquals("2008 to 2010", second.duration());
    assertEquals(List.of("Establishing rapport with the patient"), second.highlights());
    assertTrue(second.company() == null || !second.company().contains("time"), "'Part time job' is how, not where");
    Resume.Education school = r.education().get(0);
    assertEquals("Bachelor of Science in Nursing", school.degree());
    assertEquals("Nursing", school.field(), "'Batch' is what the year left behind");
    assertEquals("University of Perpetual Help System Molino Campus", school.institution(), "COLLEGE is the row's label");
    assertEquals("2010", school.year());
  }

  @Test
  void aStudentResumeFromWordForMac() throws Exception {
    // through a PDF the test writes, as the real one came
    Resume r = fromPdf("""
        John Smith

        2222 McCoy Road     Columbus, Ohio 44444    614-555-5555    sresume@example.edu
        EDUCATION
        Bachelor of Business Administration      Expected Graduation: May 2018
        Kent State University        Kent, Ohio
        Major: Business Management       GPA: 3.6
        WORK EXPERIENCE
        Panini's Bar and Grill, Cleveland, Ohio                        August 2014 - May 2015
        Server
        • Worked independently in a fast-paced environment
        LEADERSHIP EXPERIENCE
        Harding Middle School, Columbus, Ohio     July 2014 - October 2015
        Soccer Assistant Coach
        • Planned and led weekly meetings with up to 15 parents
        """);
    assertEquals("2222 McCoy Road, Columbus, Ohio 44444", r.location(), "a state written out, the street in the cell before");
    Resume.Education school = r.education().get(0);
    assertEquals("Business Management", school.field(), "the major ends where its column does");
    assertEquals("Kent State University", school.institution());
    assertEquals("2018", school.year());
    assertEquals(2, r.experience().size(), "leadership experience is experience");
    assertEquals("Panini's Bar and Grill", r.experience().get(0).company(), "the employer is printed before its place");
    assertEquals("Server", r.experience().get(0).position());
    assertEquals("Soccer Assistant Coach", r.experience().get(1).position());
  }

  @Test
  void rolesUnderAnEmployerPrintedOnceAboveThem() {
    List<Resume.Experience> jobs = ResumeParser.parse("""
        PROFESSIONAL EXPERIENCE
        County of Orange, Santa Ana, CA      11/06-present
        OC Health Care Agency
        Software Engineer/Programmer  (02/08-present)
        • Develop mobile applications

        OC Waste & Recycling
        Software Architect/Programmer  (11/06-02/08)
        • Architected customised software products
        ACS/Xerox, Santa Ana, CA        10/01-11/06
        Team Lead/Senior Application Developer
        • Trained staff and clients
        """).experience();
    assertEquals(3, jobs.size(), jobs.toString());
    assertEquals(List.of("County of Orange", "County of Orange", "ACS/Xerox"), jobs.stream().map(Resume.Experience::company).toList());
    assertEquals(List.of("Software Engineer/Programmer", "Software Architect/Programmer", "Team Lead/Senior Application Developer"),
        jobs.stream().map(Resume.Experience::position).toList());
    assertEquals("02/08-present", jobs.get(0).duration());
  }

  @Test
  void anOldLinkedInExportWithJobsWrittenTitleAtCompany() {
    Resume r = ResumeParser.parse("""
        Xinying Lin
        Data Analyst at Tech in Asia
        xinying@example.com
        Summary
        N/A
        Experience
        Data Analyst at Tech in Asia
        Assistant Engineer at China Telecom
        August 2012  -  June 2016 (3 years 11 months)
        Configured rules and conditions for commission settlement system based on
        policies and requirements.
        """);
    assertNull(r.summary(), "N/A is no summary");
    assertEquals(2, r.experience().size(), r.experience().toString());
    assertEquals("Data Analyst", r.experience().get(0).position());
    assertEquals("Tech in Asia", r.experience().get(0).company());
    assertNull(r.experience().get(0).duration());
    assertEquals("Assistant Engineer", r.experience().get(1).position());
    assertEquals("China Telecom", r.experience().get(1).company());
    assertEquals("August 2012  -  June 2016", r.experience().get(1).duration());
  }

  @Test
  void aFormLikeResumeFromWordTables() {
    Resume r = ResumeParser.parse("""
        Man Hoe Keung, Jonathan
        Personal Particulars
        Nationality	:	Singapore / Permanent resident of Hong Kong
        Contact (email)	:	jonathan@example.com
        Educational Background
        - Bachelor's Degree in Accountancy/Banking Graduation Date: 2008
        Other professional certification
        CMFAS M3	CMFAS M5
        Health Insurance (SCI)
        National Service
        April 2001 to Aug 2003
        Highest rank: 3rd Sergeant
        """);
    assertNull(r.summary(), "personal particulars are contact details, not a summary");
    assertEquals("jonathan@example.com", r.email());
    Resume.Education degree = r.education().get(0);
    assertEquals("Bachelor's Degree in Accountancy/Banking", degree.degree(), "a bullet naming a dated degree heads a school");
    assertEquals("Accountancy/Banking", degree.field());
    assertEquals("2008", degree.year());
    assertEquals(List.of("CMFAS M3", "CMFAS M5", "Health Insurance (SCI)"), r.certifications(),
        "'Other professional certification' is a certifications heading; national service is not a certificate");
  }

  @Test
  void labelledJobsTakeTheDatesAboveThemAndTheirResponsibilities() {
    Resume r = ResumeParser.parse("""
        INDU ORUGANTI
        Emai ID: indu@example.com
        PROFESSIONAL EXPERIENCE
        Mar - 2023 to Current

        Client: Northern Trust, Chicago, IL
        Role: Site Reliability Engineer

        Responsibilities:
        • Implemented traffic engineering solutions for banking transaction systems
        • Designed and managed DNS infrastructure
        May - 2020 to Feb - 2023

        Client: HCA Healthcare, Nashville, TN
        Role: Site Reliability Engineer
        Responsibilities:
        • Designed a high-availability healthcare data platform
        EDUCATION
        July - 2010 to May - 2014
        Bachelor of Technology in Computer Science
        QIS College of Engineering, Andhra Pradesh, India.
        """);
    assertEquals(2, r.experience().size(), r.experience().toString());
    Resume.Experience first = r.experience().get(0);
    assertEquals("Northern Trust", first.company());
    assertEquals("Mar - 2023 to Current", first.duration());
    assertEquals("Mar - 2023", first.startDate());
    assertEquals(2, first.highlights().size(), "the bullets after 'Responsibilities:'");
    assertEquals("May - 2020 to Feb - 2023", r.experience().get(1).duration());
    Resume.Education school = r.education().get(0);
    assertEquals("QIS College of Engineering", school.institution(), "a full stop after the place makes no sentence");
    assertEquals("2014", school.year());
  }

  @Test
  void renderCvLinesWithTitleAndEmployerBeforeThePlaceAndDates() throws Exception {
    // through a PDF the test writes, as the real one came
    Resume r = fromPdf("""
        John Doe
        San Francisco, CA | john.doe@example.com
        Experience
        Software Engineer, Apple – Cupertino, CA                                  June 2020 – present
          • Reduced time to render user buttons by 75%
        Education
        BS in Computer Science, University of Pennsylvania – Philadelphia, PA      Sept 2015 – May 2019
        """);
    Resume.Experience job = r.experience().get(0);
    assertEquals("Software Engineer", job.position());
    assertEquals("Apple", job.company());
    Resume.Education school = r.education().get(0);
    assertEquals("BS", school.degree());
    assertEquals("Computer Science", school.field());
    assertEquals("University of Pennsylvania", school.institution());
    assertEquals("University of California, Berkeley", ResumeParser.parse("""
        EDUCATION
        B.S. Computer Science | University of California, Berkeley | 2018
        """).education().get(0).institution(), "a school's name with a comma stays whole");
  }

  @Test
  void aEuropeanCvWithLetterSpacedHeadingsAndShortSentences() {
    Resume r = ResumeParser.parse("""
        M a r i a   G a r c i a
        maria.garcia@example.es   |   +34 612 345 678   |   Madrid, Spain
        E X P E R I E N C E
        Telefónica — Madrid
        Network Engineer   ·   2018 – 2023
        Operated the 5G core network.
        BBVA — Madrid
        IT Intern   ·   2017 – 2018
        Supported the service desk.
        E D U C A T I O N
        Universidad Politécnica de Madrid
        Grado en Ingeniería de Telecomunicación   ·   2013 – 2017
        University of Manchester
        BA (Hons) Graphic Design, 2012 - 2015
        """);
    assertNull(r.summary(), "the name spelled out is no summary");
    assertEquals(2, r.experience().size(), "a short sentence under a job is its description: " + r.experience());
    assertEquals("Supported the service desk.", r.experience().get(1).description());
    assertEquals("Ingeniería de Telecomunicación", r.education().get(0).field());
    assertEquals("BA (Hons)", r.education().get(1).degree());
    assertEquals("Graphic Design", r.education().get(1).field());
  }

  @Test
  void theNewRulesLeaveOrdinaryLinesAlone() {
    // Lines a review set against each rule added for the real documents: each must read as it did before.
    Resume r = ResumeParser.parse("""
        Jane Doe
        10 Years of Experience
        Pasadena, CA
        jane@example.com
        EXPERIENCE
        GOLDMAN SACHS
        Analyst  2019 – 2021
        • Promoted to Team Lead at end of first year
        Director, Product Marketing | Stripe | 2021 – 2023
        • Led launches
        Bartender, The Blue Door, Austin, TX  2015 – 2017
        Internship | Acme Corp | Summer 2014
        • Helped the team
        EDUCATION
        Boston University School of Medicine, MD, 2012
        Stanford University | Computer Science | B.S. | 2008
        Juris Doctor (JD)
        CERTIFICATIONS
        Certified ScrumMaster   Scrum Alliance   2020
        SKILLS
        Communication
        Presentation
        Negotiation
        Research and Development, Sales and Marketing, Google Cloud Platform
        """);
    assertEquals("Pasadena, CA", r.location(), "'10 Years of Experience' is no street");
    List<Resume.Experience> jobs = r.experience();
    assertEquals(List.of("GOLDMAN SACHS", "Stripe", "The Blue Door", "Acme Corp"), jobs.stream().map(Resume.Experience::company).toList(),
        "an employer in capitals stays in its section; a bullet with 'at' is no job");
    assertEquals(List.of("Analyst", "Director, Product Marketing", "Bartender", "Internship"),
        jobs.stream().map(Resume.Experience::position).toList());
    assertEquals("Boston University School of Medicine", r.education().get(0).institution(), "one school, not two");
    assertEquals("MD", r.education().get(0).degree());
    assertEquals("Stanford University", r.education().get(1).institution());
    assertEquals("Computer Science", r.education().get(1).field(), "a subject after the school is no campus");
    assertEquals(List.of("Certified ScrumMaster"), r.certifications(), "the issuer is no certificate; a degree is neither");
    assertEquals(List.of("Communication", "Presentation", "Negotiation", "Research and Development", "Sales and Marketing",
        "Google Cloud Platform"), r.skills(), "'Presentation' opens no section; plain words joined by 'and' are one skill");
  }

  @Test
  void anEmployerWithItsPlaceAfterABlankLineHeadsTheNextJob() {
    Resume r = ResumeParser.parse("""
        Kevin O'Brien
        kobrien@example.com
        CLINICAL EXPERIENCE
        Massachusetts General Hospital – Boston, MA
        Staff Nurse, Surgical ICU                                               Aug 2019 – Present
        • Care for 2-3 critically ill patients per shift

        Tufts Medical Center – Boston, MA
        Staff Nurse, Medical ICU                                                Jun 2016 – Jul 2019
        • Managed titration of vasoactive drips per protocol
        EDUCATION
        Bachelor of Science in Nursing (BSN), Boston College, Chestnut Hill, MA     2016
        """);
    assertEquals(List.of("Massachusetts General Hospital", "Tufts Medical Center"),
        r.experience().stream().map(Resume.Experience::company).toList(), "not the unit under the title");
    assertEquals("Nursing", r.education().get(0).field(), "the degree's initials are not the field's");
  }

  @Test
  void titleThenEmployerWithItsPlaceThenDatesOnThreeLines() {
    Resume r = ResumeParser.parse("""
        Sarah Johnson
        sarah@example.com
        WORK EXPERIENCE
        Marketing Coordinator
        Summit Outdoor, Denver, CO
        March 2021 – Present
        • Managed a $250K annual paid social budget
        Marketing Assistant
        Peak Media Group, Boulder, CO
        June 2019 – February 2021
        • Scheduled 60+ posts per month
        """);
    assertEquals(List.of("Summit Outdoor", "Peak Media Group"), r.experience().stream().map(Resume.Experience::company).toList(),
        "CO is Colorado here, not a company's 'Co.'");
    assertEquals(List.of("Marketing Coordinator", "Marketing Assistant"),
        r.experience().stream().map(Resume.Experience::position).toList());
  }

  @Test
  void anAcademicCvWithDatesFirst() {
    Resume r = ResumeParser.parse("""
        Elena Petrova
        elena.petrova@example.org · Tübingen, Germany
        Academic Positions
        2022–present  Postdoctoral Researcher, Max Planck Institute for Intelligent Systems, Tübingen
        2021–2022     Research Assistant, University of Cambridge, Cambridge, UK
        Education
        2017–2021  PhD in Machine Learning, University of Cambridge
        """);
    assertEquals(List.of("Postdoctoral Researcher", "Research Assistant"),
        r.experience().stream().map(Resume.Experience::position).toList());
    assertEquals("University of Cambridge", r.experience().get(1).company());
    assertEquals("Machine Learning", r.education().get(0).field());
  }

  @Test
  void aFrenchCvWithItsOwnHeadings() {
    Resume r = ResumeParser.parse("""
        Julien Moreau
        julien.moreau@exemple.fr | +33 6 12 34 56 78 | Lyon, France
        PROFIL
        Ingénieur logiciel avec six ans d'expérience en systèmes distribués.
        EXPÉRIENCE PROFESSIONNELLE
        Ingénieur logiciel senior | Criteo | 2020 – présent
        • Conception du service d'enchères en temps réel
        FORMATION
        Master Informatique, Université Claude Bernard Lyon 1 | 2017
        COMPÉTENCES
        Java, Kotlin, Kafka
        """);
    assertTrue(r.summary().startsWith("Ingénieur logiciel"), String.valueOf(r.summary()));
    assertEquals("Criteo", r.experience().get(0).company());
    assertEquals("présent", r.experience().get(0).endDate());
    assertEquals("Université Claude Bernard Lyon 1", r.education().get(0).institution());
    assertEquals(List.of("Java", "Kotlin", "Kafka"), r.skills());
  }

  @Test
  void labelledJobsWithTheirDatesBelowKeepThem() {
    Resume r = ResumeParser.parse("""
        Ann Lee
        ann@example.com
        Company: Acme
        Position: Engineer
        Jan 2019 – Dec 2020

        Company: Beta
        Position: Analyst
        """);
    assertEquals("Jan 2019 – Dec 2020", r.experience().get(0).duration());
    assertNull(r.experience().get(1).duration(), "Acme's dates are not Beta's");
  }

  private static Resume fromPdf(String text) throws Exception {
    byte[] pdf = Documents.pdf(text.lines().toList(), null);
    return ResumeParser.parse(new ResumeTextExtractor(5).extract(pdf, 5L << 20).text());
  }

  @Test
  void emptyAndBlankInputGiveAnEmptyResume() {
    for (String text : new String[] {null, "", "   \n\n\t "}) {
      Resume r = ResumeParser.parse(text);
      assertNotNull(r);
      assertNull(r.name());
      assertNull(r.email());
      assertTrue(r.experience().isEmpty());
      assertTrue(r.skills().isEmpty());
      assertEquals(text, r.rawText());
    }
  }

  @Test
  void garbageNeverThrows() {
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(2000);
      for (int i = 0; i < n; i++) {
        int kind = random.nextInt(10);
        sb.append(switch (kind) {
          case 0 -> '\n';
          case 1 -> ' ';
          case 2 -> "•–-*|,:;()/@.".charAt(random.nextInt(13));
          case 3 -> (char) ('0' + random.nextInt(10));
          case 4 -> (char) random.nextInt(0x3000);
          default -> (char) ('a' + random.nextInt(26));
        });
        if (random.nextInt(50) == 0) {
          sb.append(List.of("\nEXPERIENCE\n", "\nSkills: ", " 2019 - ", "Jan 2020", "\nEDUCATION\n", "Present",
              "\n• ", "University", ", CA", "@x.io").get(random.nextInt(10)));
        }
      }
      String text = sb.toString();
      Resume r = ResumeParser.parse(text);
      assertEquals(text, r.rawText());
    }
    Resume nonsense = ResumeParser.parse("%%%% ^^^ ~~~~ \u0000\u0001 ))))(((( ::::");
    assertNull(nonsense.name());
    assertTrue(nonsense.experience().isEmpty());
    assertTrue(nonsense.education().isEmpty());
  }

  @Test
  void hugeInputsAreParsedInBoundedTime() {
    StringBuilder resume = new StringBuilder("John Doe\njohn@example.com\nEXPERIENCE\n");
    while (resume.length() < 200_000) {
      resume.append("\nSenior Engineer | Company ").append(resume.length()).append(" | 2019 - 2021\n")
          .append("• Did ").append("many things ".repeat(20)).append('\n');
    }
    String oneLineOfDigits = "1234567890 ".repeat(20_000);
    String oneLongWord = "a".repeat(200_000) + "@";
    String dashes = "Jan 2020 - ".repeat(20_000);
    String spaces = "Jan" + " ".repeat(200_000) + "2020";
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      Resume big = ResumeParser.parse(resume.toString());
      assertEquals("John Doe", big.name());
      assertTrue(big.experience().size() > 100);
      // Shapes that once made the line joining and heading scans quadratic (seconds on 16-240 KB).
      String longHeading = "EDUCATION\nJan 2020 - Present\n" + "Foo\n".repeat(4000);
      String longSkillList = "SKILLS\n" + "Java,\n".repeat(34_000);
      String longProse = "EXPERIENCE\n" + "some words that wrap on and on\n".repeat(8000);
      for (String text : List.of(oneLineOfDigits, oneLongWord, dashes, spaces, longHeading, longSkillList, longProse)) {
        assertEquals(text, ResumeParser.parse(text).rawText());
      }
    });
  }
}
