package dev.candor.interview;

import java.util.List;

/** Seed 000's sample resume (as its "Expected Parsed Resume Structure") and sample job. */
final class SeedData {

  private SeedData() {}

  static Resume johnDoe() {
    return new Resume(
        "John Doe",
        "john.doe@email.com",
        "(555) 123-4567",
        null,
        null,
        null,
        "Software Engineer with 5 years of experience in full-stack development...",
        List.of(
            new Resume.Experience("Tech Corp Inc.", "Senior Software Engineer", null, null, "2020 - Present",
                "Led development of scalable web applications serving 100k+ users...", null),
            new Resume.Experience("StartupXYZ", "Software Engineer", null, null, "2019 - 2020",
                "Developed React frontend components for e-commerce platform...", null)),
        List.of(new Resume.Education("University of Technology", "Bachelor of Science in Computer Science", null, "2019")),
        List.of("React", "Node.js", "Python", "JavaScript", "TypeScript", "AWS"),
        List.of(new Resume.Project("E-commerce Platform", "Built full-stack e-commerce application using React and Node.js",
            List.of("React", "Node.js", "MongoDB", "Stripe API"), "6 months")),
        null,
        null);
  }

  static JobPosting seniorSoftwareEngineer() {
    return new JobPosting(
        "Senior Software Engineer",
        "Tech Corp",
        "San Francisco, CA",
        "We're looking for a senior software engineer...",
        List.of("5+ years Python", "React experience", "AWS knowledge"),
        List.of("Lead development", "Mentor junior developers"),
        List.of("Health insurance", "401k", "Flexible hours"),
        "$120,000 - $150,000",
        "Full-time",
        "Senior",
        true);
  }

  static JobPosting kafkaJob() {
    return new JobPosting("Backend Engineer", "Acme Payments", null, "Build the payment event platform.",
        List.of("Experience with Kafka", "Strong Java"), List.of("Design event-driven services"), null, null,
        "Full-time", "Mid", false);
  }

  static Question kafkaQuestion() {
    return new Question("q2_technical_kafka",
        "How have you used Kafka? Explain how you handled message ordering, retries and consumer lag when traffic spiked.",
        QuestionType.TECHNICAL, Difficulty.MEDIUM, 180, "Kafka");
  }

  /** A full STAR answer with metrics and the job's keywords. */
  static final String STRONG_KAFKA_ANSWER =
      "At my previous job at Acme Payments, our team had a Kafka cluster processing about 2 million payment events "
          + "a day, and consumer lag kept spiking during sales. My goal was to bring lag under one minute without "
          + "losing ordering per account. First, I profiled the consumers and found that one slow partition blocked "
          + "everything. I decided to key messages by account id, I implemented idempotent handlers in Java with a "
          + "retry topic and a dead letter queue, and I set up alerts on lag. As a result, lag dropped from 40 minutes "
          + "to under 30 seconds, and we cut failed payments by 35% over the next quarter.";

  /** A vague answer to the same question. */
  static final String VAGUE_KAFKA_ANSWER =
      "I have used Kafka a lot, it is a good tool and I think it works well for most things we do in the team.";
}
