package dev.candor.testing;

import dev.candor.interview.JobPosting;
import dev.candor.interview.Resume;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;

/** Seed 000's sample resume (John Doe) and sample job, as the seed's expected parse gives them. */
public final class SampleData {

  private SampleData() {}

  /** Seed 000's "resume_sample.txt", verbatim. */
  public static final String SEED_000_RESUME_TEXT = """
      John Doe
      john.doe@email.com
      (555) 123-4567

      PROFESSIONAL SUMMARY
      Software Engineer with 5 years of experience in full-stack development.\s
      Expertise in React, Node.js, Python, and cloud technologies.\s
      Led development of scalable web applications serving 100k+ users.

      WORK EXPERIENCE

      Senior Software Engineer
      Tech Corp Inc.
      2020 - Present
      • Led development of scalable web applications serving 100k+ users
      • Implemented microservices architecture using Python and Docker
      • Mentored 3 junior developers and improved team productivity by 40%
      • Built CI/CD pipelines reducing deployment time by 60%

      Software Engineer
      StartupXYZ
      2019 - 2020
      • Developed React frontend components for e-commerce platform
      • Collaborated with 5-person agile team using Scrum methodology
      • Optimized database queries improving page load time by 35%

      EDUCATION
      Bachelor of Science in Computer Science
      University of Technology
      2019

      SKILLS
      React, Node.js, Python, JavaScript, TypeScript, AWS, Docker,\s
      Kubernetes, PostgreSQL, MongoDB, Git, Scrum, Agile

      PROJECTS
      E-commerce Platform
      Built full-stack e-commerce application using React and Node.js
      Technologies: React, Node.js, MongoDB, Stripe API
      Duration: 6 months
      """;

  public static Resume johnDoe() {
    return new Resume("John Doe", "john.doe@email.com", "(555) 123-4567", null, null, null,
        "Software Engineer with 5 years of experience in full-stack development. Expertise in React, Node.js, Python, "
            + "and cloud technologies. Led development of scalable web applications serving 100k+ users.",
        List.of(
            new Resume.Experience("Tech Corp Inc.", "Senior Software Engineer", "2020", "Present", "2020 - Present",
                "Led development of scalable web applications serving 100k+ users",
                List.of("Led development of scalable web applications serving 100k+ users",
                    "Implemented microservices architecture using Python and Docker",
                    "Mentored 3 junior developers and improved team productivity by 40%",
                    "Built CI/CD pipelines reducing deployment time by 60%")),
            new Resume.Experience("StartupXYZ", "Software Engineer", "2019", "2020", "2019 - 2020",
                "Developed React frontend components for e-commerce platform",
                List.of("Developed React frontend components for e-commerce platform",
                    "Collaborated with 5-person agile team using Scrum methodology",
                    "Optimized database queries improving page load time by 35%"))),
        List.of(new Resume.Education("University of Technology", "Bachelor of Science in Computer Science", null, "2019")),
        List.of("React", "Node.js", "Python", "JavaScript", "TypeScript", "AWS"),
        List.of(new Resume.Project("E-commerce Platform", "Built full-stack e-commerce application using React and Node.js",
            List.of("React", "Node.js", "MongoDB", "Stripe API"), "6 months")),
        List.of(),
        null);
  }

  public static JobPosting seniorEngineer() {
    return new JobPosting("Senior Software Engineer", "Tech Corp", "San Francisco, CA",
        "We're looking for a senior software engineer...",
        List.of("5+ years Python", "React experience", "AWS knowledge"),
        List.of("Lead development", "Mentor junior developers"),
        List.of("Health insurance", "401k", "Flexible hours"),
        "$120,000 - $150,000", "Full-time", "Senior", true);
  }

  /** An answer with every part of STAR, numbers and the job's keywords. */
  public static String strongAnswer() {
    return "In my previous role at Tech Corp we were facing a checkout service that kept timing out during sales. "
        + "My goal was to cut the error rate before Black Friday. I profiled the Python service, found an N+1 query, "
        + "rewrote it with a single join and added a Redis cache, then I set up alerts on AWS CloudWatch. "
        + "As a result, timeouts dropped by 85% and checkout latency fell from 2 seconds to 300 milliseconds.";
  }

  /** Seed 000's {@code start_interview} data: its parsedResume and parsedJobDescription examples. */
  public static JSONObject seed000StartInterview() {
    return new JSONObject().put("parsedResume", resume()).put("parsedJobDescription", job());
  }

  private static JSONObject resume() {
    return new JSONObject()
        .put("name", "John Doe").put("email", "john@example.com").put("phone", "(555) 123-4567")
        .put("summary", "Software Engineer with 5 years experience in full-stack development.")
        .put("experience", new JSONArray().put(new JSONObject().put("company", "Tech Corp")
            .put("position", "Senior Software Engineer").put("duration", "2020-2023")
            .put("description", "Led development of scalable applications")))
        .put("education", new JSONArray().put(new JSONObject().put("institution", "University of Technology")
            .put("degree", "Bachelor of Science").put("year", "2019")))
        .put("skills", new JSONArray(List.of("React", "Node.js", "Python", "AWS")))
        .put("projects", new JSONArray());
  }

  private static JSONObject job() {
    return new JSONObject()
        .put("title", "Senior Software Engineer").put("company", "Tech Corp").put("location", "San Francisco, CA")
        .put("description", "We're looking for a senior software engineer to build our payments platform.")
        .put("requirements", new JSONArray(List.of("5+ years Python", "React experience", "AWS knowledge")))
        .put("responsibilities", new JSONArray(List.of("Lead development", "Mentor junior developers")))
        .put("benefits", new JSONArray(List.of("Health insurance", "401k")))
        .put("salary", "$120,000 - $150,000").put("employmentType", "Full-time").put("experienceLevel", "Senior")
        .put("remote", true);
  }

  // ---- what the seed requires of each event ----
}
