package dev.candor.interview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * A built-in vocabulary of common technologies and engineering practices, found in free text
 * case-insensitively on word boundaries. It lets the planner ask about Kafka when a posting names
 * Kafka, and the analyser notice when an answer does, without any model or network.
 *
 * <p>Names that are also ordinary English words ("Go", "Swift", "Spring", "REST", "Rails") are
 * matched only in their capitalised spelling, so "we go live" and "the rest of the team" are not
 * technologies. Matching prefers the longest alias at a position, so "React Native" is not also
 * React and "ASP.NET" is one mention.
 */
final class TechVocabulary {

  /** The kind of technology; the planner has question templates per category. */
  enum Category {
    LANGUAGE, FRONTEND, MARKUP, BACKEND, DATASTORE, MESSAGING, CLOUD, DEVOPS, OBSERVABILITY, ARCHITECTURE,
    DATA_ML, TESTING, PRACTICE, SECURITY, MOBILE
  }

  /** @param name the canonical spelling, used in question texts */
  record Technology(String name, String slug, Category category) {
    String keyword() {
      return name.toLowerCase(Locale.ROOT);
    }
  }

  record Mention(Technology technology, int start, int end) {}

  private static final Map<String, Technology> BY_ALIAS = new HashMap<>();
  private static final Map<String, Technology> BY_EXACT_ALIAS = new HashMap<>();
  private static final List<Technology> ALL = new ArrayList<>();
  /** Every alias's spelling, collected by the static block and then built into {@link #TRIE}. */
  private static final List<String> ALIASES = new ArrayList<>();
  /** One automaton of every alias, lowercase: a text is read once, whatever the size of the vocabulary. */
  private static final Trie TRIE;
  private static final Pattern WHITESPACE_RUNS = Pattern.compile("\\s+");

  static {
    Category c = Category.LANGUAGE;
    add(c, "Java");
    add(c, "JavaScript", "ECMAScript", "ES6");
    add(c, "TypeScript");
    add(c, "Python");
    add(c, "=Go", "Golang");
    add(c, "=Rust");
    add(c, "C++", "cpp");
    add(c, "C#", "csharp");
    add(c, "Kotlin");
    add(c, "Scala");
    add(c, "=Ruby");
    add(c, "PHP");
    add(c, "=Swift");
    add(c, "Objective-C");
    add(c, "Elixir");
    add(c, "Erlang");
    add(c, "Haskell");
    add(c, "Clojure");
    add(c, "Perl");
    add(c, "Bash", "shell scripting");
    add(c, "SQL", "T-SQL", "PL/SQL");
    add(c, "=Dart");
    add(c, "MATLAB");

    c = Category.FRONTEND;
    add(c, "React", "React.js", "ReactJS");
    add(c, "Angular", "AngularJS");
    add(c, "Vue", "Vue.js", "VueJS");
    add(c, "Svelte", "SvelteKit");
    add(c, "Next.js", "NextJS");
    add(c, "Nuxt", "Nuxt.js");
    add(c, "Redux");
    add(c, "Webpack");
    add(c, "Vite");
    add(c, "jQuery");

    c = Category.MARKUP;
    add(c, "HTML", "HTML5");
    add(c, "CSS", "CSS3");
    add(c, "Sass", "SCSS");
    add(c, "Tailwind", "Tailwind CSS", "TailwindCSS");

    c = Category.BACKEND;
    add(c, "Node.js", "NodeJS", "=Node");
    add(c, "=Express", "Express.js", "ExpressJS");
    add(c, "NestJS");
    add(c, "=Spring", "Spring Boot", "Spring Framework");
    add(c, "Django");
    add(c, "Flask");
    add(c, "FastAPI");
    add(c, "=Rails", "Ruby on Rails");
    add(c, "Laravel");
    add(c, ".NET", "ASP.NET", ".NET Core", "dotnet");
    add(c, "Hibernate");
    add(c, "gRPC");
    add(c, "GraphQL");
    add(c, "Quarkus");
    add(c, "Akka");
    add(c, "Pekko");

    c = Category.DATASTORE;
    add(c, "PostgreSQL", "Postgres");
    add(c, "MySQL");
    add(c, "MariaDB");
    add(c, "SQL Server", "MSSQL");
    add(c, "=Oracle", "Oracle Database");
    add(c, "SQLite");
    add(c, "MongoDB", "Mongo");
    add(c, "Redis");
    add(c, "Cassandra");
    add(c, "DynamoDB");
    add(c, "Elasticsearch", "Elastic Search");
    add(c, "OpenSearch");
    add(c, "Neo4j");
    add(c, "=Snowflake");
    add(c, "BigQuery");
    add(c, "Redshift");
    add(c, "CockroachDB");
    add(c, "Firebase", "Firestore");
    add(c, "Memcached");
    add(c, "ClickHouse");
    add(c, "NoSQL");

    c = Category.MESSAGING;
    add(c, "Kafka", "Apache Kafka", "Kafka Streams");
    add(c, "RabbitMQ");
    add(c, "ActiveMQ");
    add(c, "SQS", "Amazon SQS");
    add(c, "Kinesis");
    add(c, "Pub/Sub", "Google Pub/Sub");
    add(c, "=NATS");
    add(c, "Pulsar", "Apache Pulsar");
    add(c, "MQTT");
    add(c, "ZeroMQ");
    add(c, "Celery");

    c = Category.CLOUD;
    add(c, "AWS", "Amazon Web Services");
    add(c, "Azure", "Microsoft Azure");
    add(c, "GCP", "Google Cloud", "Google Cloud Platform");
    add(c, "AWS Lambda", "=Lambda");
    add(c, "Serverless");
    add(c, "=S3", "Amazon S3");
    add(c, "=EC2", "Amazon EC2");
    add(c, "Heroku");
    add(c, "Cloudflare");
    add(c, "DigitalOcean");

    c = Category.DEVOPS;
    add(c, "Docker");
    add(c, "Kubernetes", "K8s");
    add(c, "Terraform");
    add(c, "Ansible");
    add(c, "=Helm");
    add(c, "Jenkins");
    add(c, "GitHub Actions");
    add(c, "GitLab CI");
    add(c, "CircleCI");
    add(c, "CI/CD", "CI / CD", "CICD", "continuous integration", "continuous delivery", "continuous deployment");
    add(c, "Argo CD", "ArgoCD");
    add(c, "Linux");
    add(c, "Nginx");
    add(c, "Infrastructure as Code", "=IaC");
    add(c, "Puppet");
    add(c, "DevOps");

    c = Category.OBSERVABILITY;
    add(c, "Prometheus");
    add(c, "Grafana");
    add(c, "Datadog");
    add(c, "Splunk");
    add(c, "ELK", "ELK Stack", "Kibana", "Logstash");
    add(c, "OpenTelemetry");
    add(c, "New Relic");
    add(c, "Sentry");
    add(c, "observability");

    c = Category.ARCHITECTURE;
    add(c, "microservices", "microservice", "micro-services");
    add(c, "system design", "systems design");
    add(c, "distributed systems", "distributed system");
    add(c, "=REST", "RESTful", "REST API", "REST APIs");
    add(c, "event-driven architecture", "event-driven", "event driven");
    add(c, "domain-driven design", "=DDD");
    add(c, "API design");
    add(c, "caching");
    add(c, "concurrency", "multithreading", "multi-threading");
    add(c, "design patterns");
    add(c, "WebSockets", "WebSocket");
    add(c, "scalability");

    c = Category.DATA_ML;
    add(c, "machine learning", "=ML");
    add(c, "deep learning");
    add(c, "TensorFlow");
    add(c, "PyTorch");
    add(c, "scikit-learn", "sklearn");
    add(c, "pandas");
    add(c, "NumPy");
    add(c, "=Spark", "Apache Spark", "PySpark");
    add(c, "Hadoop");
    add(c, "Airflow", "Apache Airflow");
    add(c, "=dbt");
    add(c, "ETL", "ELT");
    add(c, "data pipelines", "data pipeline");
    add(c, "LLMs", "=LLM", "large language models");
    add(c, "NLP", "natural language processing");
    add(c, "computer vision");
    add(c, "MLOps");
    add(c, "Databricks");
    add(c, "Tableau");
    add(c, "Power BI");

    c = Category.TESTING;
    add(c, "unit testing", "unit tests", "unit test");
    add(c, "integration testing", "integration tests");
    add(c, "=Jest");
    add(c, "JUnit");
    add(c, "pytest");
    add(c, "Selenium");
    add(c, "Cypress");
    add(c, "Playwright");
    add(c, "TDD", "test-driven development");
    add(c, "Mockito");

    c = Category.PRACTICE;
    add(c, "Agile");
    add(c, "Scrum");
    add(c, "Kanban");
    add(c, "Git");
    add(c, "code review", "code reviews");
    add(c, "pair programming");
    add(c, "Jira");

    c = Category.SECURITY;
    add(c, "OAuth", "OAuth2", "OAuth 2.0");
    add(c, "OWASP");
    add(c, "JWT");
    add(c, "=SSO", "single sign-on");
    add(c, "encryption");
    add(c, "penetration testing");
    add(c, "application security", "AppSec");

    c = Category.MOBILE;
    add(c, "iOS");
    add(c, "Android");
    add(c, "React Native");
    add(c, "Flutter");
    add(c, "SwiftUI");
    add(c, "Xamarin");

    TRIE = buildTrie();
  }

  private TechVocabulary() {}

  /** Every technology mention in the text, in order, longest alias first at each position. */
  static List<Mention> mentions(String text) {
    if (Phrases.isBlank(text)) {
      return List.of();
    }
    Folded folded = Folded.of(text);
    List<Emit> candidates = new ArrayList<>();
    TRIE.parseText(folded.text(), candidates::add);
    // What a regular expression of alternatives, longest first, would find: the leftmost mention, the longest
    // spelling that fits at that position, then on from its end.
    candidates.sort(Comparator.comparingInt(Emit::getStart).thenComparing(Comparator.comparingInt(Emit::getEnd).reversed()));
    List<Mention> found = new ArrayList<>();
    int free = 0;
    for (Emit emit : candidates) {
      int start = folded.original(emit.getStart());
      int end = folded.original(emit.getEnd()) + 1;
      if (start < free || !onBoundaries(text, start, end)) {
        continue;
      }
      Technology t = technologyOf(emit.getKeyword(), text.substring(start, end));
      if (t != null) {
        found.add(new Mention(t, start, end));
        free = end;
      }
    }
    return found;
  }

  /**
   * A mention may not be glued to letters or digits on either side; "+" and "#" after it would make it a
   * different language (C vs C++), and a dot before it a different name (ASP.NET).
   */
  private static boolean onBoundaries(String text, int start, int end) {
    char before = start > 0 ? text.charAt(start - 1) : ' ';
    char after = end < text.length() ? text.charAt(end) : ' ';
    return !isLetterOrNumber(before) && before != '.' && !isLetterOrNumber(after) && after != '+' && after != '#';
  }

  private static boolean isLetterOrNumber(char c) {
    if (Character.isLetter(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }

  /** The technology a folded match names, if its original spelling fits (exact aliases must match case). */
  private static Technology technologyOf(String foldedAlias, String original) {
    Technology exact = BY_EXACT_ALIAS.get(WHITESPACE_RUNS.matcher(original).replaceAll(" "));
    return exact != null ? exact : BY_ALIAS.get(foldedAlias);
  }

  /**
   * A text lowercased with every run of whitespace made one space, so that one automaton of lowercase,
   * single-spaced aliases finds them; {@link #original} maps a position back to the text it came from.
   */
  private record Folded(String text, int[] origins) {
    static Folded of(String source) {
      StringBuilder folded = new StringBuilder(source.length());
      int[] origins = new int[source.length()];
      boolean inSpace = false;
      for (int i = 0; i < source.length(); i++) {
        char c = source.charAt(i);
        if (isSpace(c)) {
          if (!inSpace) {
            origins[folded.length()] = i;
            folded.append(' ');
          }
          inSpace = true;
        } else {
          origins[folded.length()] = i;
          folded.append(Character.toLowerCase(c));
          inSpace = false;
        }
      }
      return new Folded(folded.toString(), origins);
    }

    int original(int foldedIndex) {
      return origins[foldedIndex];
    }

    private static boolean isSpace(char c) {
      return Phrases.WHITESPACE.indexOf(c) >= 0;
    }
  }

  /** The distinct technologies of a text, by first mention. */
  static List<Technology> find(String text) {
    return mentions(text).stream().map(Mention::technology).distinct().toList();
  }

  static List<Technology> all() {
    return List.copyOf(ALL);
  }

  /**
   * @param name canonical name; a leading '=' on the name or an alias means "match this spelling
   *     exactly", for names that are also common English words
   */
  private static void add(Category category, String name, String... aliases) {
    String canonical = name.startsWith("=") ? name.substring(1) : name;
    Technology t = new Technology(canonical, Phrases.slug(canonical, 24), category);
    ALL.add(t);
    register(name, t);
    for (String alias : aliases) {
      register(alias, t);
    }
  }

  private static void register(String alias, Technology t) {
    if (alias.startsWith("=")) {
      BY_EXACT_ALIAS.put(alias.substring(1), t);
      ALIASES.add(alias.substring(1));
    } else {
      BY_ALIAS.put(fold(alias), t);
      ALIASES.add(alias);
    }
  }

  private static Trie buildTrie() {
    Trie.TrieBuilder builder = Trie.builder();
    for (String alias : ALIASES) {
      builder.addKeyword(fold(alias));
    }
    return builder.build();
  }

  private static String fold(String spelling) {
    StringBuilder folded = new StringBuilder(spelling.length());
    spelling.chars().forEach(c -> folded.append(Character.toLowerCase((char) c)));
    return folded.toString();
  }
}
