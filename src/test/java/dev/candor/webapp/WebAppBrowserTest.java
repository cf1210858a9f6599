package dev.candor.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.Candor;
import dev.candor.testing.SampleData;
import dev.candor.testing.TestServers;
import dev.candor.testing.audio.BrowserRecording;
import dev.candor.testing.audio.CandidateVoice;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Candor's web app as a person uses it, in Debian's Chromium driven by Selenium: documents in, a correction, an
 * interview answered by typing and by speaking into a fake microphone (a WAV the embedded TTS made), a reload in
 * the middle, the report with its charts; and the mistakes a person makes. Any JavaScript console error fails a
 * test; every page is saved as a screenshot under {@code target/webapp-screenshots/}.
 */
class WebAppBrowserTest {

  private static final Path SHOTS = Path.of("target", "webapp-screenshots");
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String SPOKEN = "When our checkout failed during a sale I was asked to lead the fix. I profiled "
      + "the service, added a cache and the errors dropped by ninety percent within a day.";
  private static final String JOB = "Senior Software Engineer at Initech\n\nRequirements:\n- 5+ years of Python\n"
      + "- React and AWS\n\nResponsibilities:\n- Lead development of web applications\n- Mentor junior developers";

  private static Candor server;
  private static Path voiceWav;
  private static double voiceSeconds;
  private final List<WebDriver> drivers = new ArrayList<>();
  private Path downloads;

  @org.junit.jupiter.api.BeforeEach
  void downloadsFolder() throws Exception {
    downloads = Files.createTempDirectory("candor-downloads");
  }

  @BeforeAll
  static void start() throws Exception {
    server = TestServers.speaking("");
    Files.createDirectories(SHOTS);
    short[] voice = CandidateVoice.say(SPOKEN);
    short[] withPause = java.util.Arrays.copyOf(voice, voice.length + BrowserRecording.OPUS_RATE * 2);
    voiceSeconds = voice.length / (double) BrowserRecording.OPUS_RATE;
    voiceWav = Files.write(SHOTS.resolve("candidate-voice.wav"), BrowserRecording.wav(withPause, BrowserRecording.OPUS_RATE, 1));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @AfterEach
  void quit() {
    drivers.forEach(WebDriver::quit);
  }

  private WebDriver browser(boolean microphone) throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1200,1600",
        "--autoplay-policy=no-user-gesture-required", "--use-fake-device-for-media-stream");
    Map<String, Object> prefs = new java.util.HashMap<>(Map.of(
        "download.default_directory", downloads.toAbsolutePath().toString(), "download.prompt_for_download", false));
    if (microphone) {
      options.addArguments("--use-fake-ui-for-media-stream", "--use-file-for-fake-audio-capture=" + voiceWav.toAbsolutePath());
    } else {
      prefs.put("profile.default_content_setting_values.media_stream_mic", 2);
    }
    options.setExperimentalOption("prefs", prefs);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    WebDriver driver = new ChromeDriver(service, options);
    drivers.add(driver);
    return driver;
  }

  private String url() {
    return "http://127.0.0.1:" + server.httpPort() + "/";
  }

  private static List<String> consoleErrors(WebDriver driver) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage).toList();
  }

  private static WebDriverWait waiting(WebDriver driver) {
    return new WebDriverWait(driver, WAIT);
  }

  private static void shot(WebDriver driver, String name) throws Exception {
    byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(SHOTS.resolve(name + ".png"), png);
  }

  /** Fails on any console error the page logged since the last look. */
  private static void noConsoleErrors(WebDriver driver) {
    List<String> errors = consoleErrors(driver);
    assertTrue(errors.isEmpty(), "JavaScript console errors: " + errors);
  }

  /** The page at a phone's width: nothing wider than the screen, so nothing needs scrolling sideways. */
  private static void fitsAPhone(WebDriver driver, String name) throws Exception {
    org.openqa.selenium.Dimension desktop = driver.manage().window().getSize();
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    Object overflow = ((ChromeDriver) driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    shot(driver, name);
    driver.manage().window().setSize(desktop);
    assertEquals(0L, ((Number) overflow).longValue(), "sideways overflow at 390 px: " + overflow);
  }

  private static Path file(String name, byte[] content) throws Exception {
    return Files.write(Files.createTempDirectory("candor-upload").resolve(name), content);
  }

  /**
   * On a timeout, says what the page showed and logged instead: the report once failed to show in a full test run,
   * with nothing in the server's log to say why.
   */
  private static WebElement visible(WebDriver driver, String id) {
    try {
      return waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    } catch (TimeoutException e) {
      throw new AssertionError("#" + id + " never showed. The page shows: "
          + driver.findElement(By.tagName("body")).getText() + "\nConsole errors: " + consoleErrors(driver), e);
    }
  }

  private static void questionNumber(WebDriver driver, int n) {
    waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("question-meta"), "Question " + n + " of"));
  }

  private void readDocuments(WebDriver driver) throws Exception {
    readDocuments(driver, url());
  }

  private void readDocuments(WebDriver driver, String url) throws Exception {
    driver.get(url);
    driver.findElement(By.id("resume-file")).sendKeys(
        file("resume.txt", SampleData.SEED_000_RESUME_TEXT.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
    driver.findElement(By.id("job-text")).sendKeys(JOB);
    shot(driver, "1-start");
    driver.findElement(By.id("read-documents")).click();
    visible(driver, "review");
  }

  @Test
  void aCandidatePractisesFromUploadToReport() throws Exception {
    WebDriver driver = browser(true);
    readDocuments(driver);
    WebElement name = driver.findElement(By.id("r-name"));
    assertEquals("John Doe", name.getAttribute("value"), "the parsed resume, shown to be corrected");
    name.clear();
    name.sendKeys("Jane Candidate");
    assertEquals("Senior Software Engineer", driver.findElement(By.id("j-title")).getAttribute("value"));
    shot(driver, "2-review");
    driver.findElement(By.id("start-interview")).click();

    questionNumber(driver, 1);
    waiting(driver).until(d -> !d.findElement(By.id("question-audio")).getAttribute("src").isEmpty());
    shot(driver, "3-question");
    driver.findElement(By.id("typed-answer")).sendKeys(SampleData.strongAnswer());
    driver.findElement(By.id("send-typed")).click();
    questionNumber(driver, 2);
    assertFalse(driver.findElement(By.id("fb-score")).getText().isEmpty(), "the answer's score is shown");
    assertTrue(driver.findElement(By.id("fb-star")).getText().contains("Result"));

    driver.navigate().refresh();
    questionNumber(driver, 2);

    for (int spoken = 0; spoken < 2; spoken++) {
      driver.findElement(By.id("record")).click();
      waiting(driver).until(ExpectedConditions.elementToBeClickable(By.id("stop")));
      Thread.sleep((long) (voiceSeconds * 1000) + 500);
      driver.findElement(By.id("stop")).click();
      waiting(driver).until(ExpectedConditions.elementToBeClickable(By.id("send-recording"))).click();
      questionNumber(driver, 3 + spoken);
      String heard = driver.findElement(By.id("fb-transcript")).getText();
      double wer = dev.candor.testing.WordErrorRate.of(SPOKEN, heard);
      assertTrue(wer <= 0.5, "the spoken answer was heard (WER " + wer + "): " + heard);
    }
    shot(driver, "4-feedback");

    driver.findElement(By.id("finish")).click();
    visible(driver, "report");
    waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "Jane"));
    assertTrue(Integer.parseInt(driver.findElement(By.id("overall-score")).getText()) > 0);
    assertEquals(8, driver.findElements(By.cssSelector("#answers li")).size());
    assertFalse(driver.findElements(By.cssSelector("#strengths li")).isEmpty());
    Object drawn = ((ChromeDriver) driver).executeScript(
        "return ['scores-chart', 'star-chart'].every(id => window.Chart.getChart(document.getElementById(id)) !== undefined)");
    assertEquals(Boolean.TRUE, drawn, "both charts drawn");
    shot(driver, "5-report");
    fitsAPhone(driver, "5-report-phone");

    driver.findElement(By.id("download-pdf")).click();
    Path pdf = downloads.resolve("candor-report.pdf");
    waiting(driver).until(d -> Files.exists(pdf) && pdf.toFile().length() > 0);
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
      assertTrue(text.contains("Overall score: " + driver.findElement(By.id("overall-score")).getText()), text);
      assertTrue(text.contains("Jane"), "the same content as the page: " + text);
    }

    driver.findElement(By.id("share")).click();
    WebElement link = visible(driver, "share-link");
    String sharedUrl = link.getAttribute("value");
    assertTrue(sharedUrl.contains("/shared/"), sharedUrl);
    noConsoleErrors(driver);

    WebDriver mentor = browser(false);
    mentor.get(sharedUrl);
    waiting(mentor).until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-title"), "read-only"));
    assertEquals(driver.findElement(By.id("overall-score")).getText(), mentor.findElement(By.id("overall-score")).getText());
    assertFalse(mentor.findElement(By.id("download-pdf")).isDisplayed(), "a mentor only reads");
    assertTrue(mentor.findElement(By.id("report-job")).getText().contains("Senior Software Engineer"));
    shot(mentor, "9-shared");
    noConsoleErrors(mentor);

    driver.findElement(By.id("revoke")).click();
    waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("share-status"), "revoked"));
    mentor.navigate().refresh();
    waiting(mentor).until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem"), "revoked"));
    shot(mentor, "10-revoked");
    driver.navigate().refresh();
    visible(driver, "report");
    waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "Jane"));
    noConsoleErrors(driver);
  }

  @Test
  void aSignedInCandidateFindsTheirInterviewsInTheirHistory() throws Exception {
    WebDriver driver = browser(false);
    driver.get(url());
    driver.findElement(By.id("nav-account")).click();
    visible(driver, "signup");
    String email = "sam-" + java.util.UUID.randomUUID() + "@example.com";
    driver.findElement(By.id("up-name")).sendKeys("Sam Writer");
    driver.findElement(By.id("up-email")).sendKeys(email);
    driver.findElement(By.id("up-password")).sendKeys("correct horse battery");
    driver.findElement(By.id("signup-submit")).click();
    visible(driver, "history-empty");
    assertTrue(driver.findElement(By.id("who")).getText().contains("Sam Writer"));

    readDocuments(driver);
    driver.findElement(By.id("start-interview")).click();
    questionNumber(driver, 1);
    driver.findElement(By.id("typed-answer")).sendKeys(SampleData.strongAnswer());
    driver.findElement(By.id("send-typed")).click();
    questionNumber(driver, 2);
    driver.findElement(By.id("finish")).click();
    visible(driver, "report");
    String score = waiting(driver).until(d -> {
      String text = d.findElement(By.id("overall-score")).getText();
      return text.isEmpty() ? null : text;
    });

    driver.findElement(By.id("nav-history")).click();
    waiting(driver).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#history-list li"), 1));
    assertTrue(driver.findElement(By.cssSelector("#history-list li")).getText().contains(score + " / 100"));
    assertEquals(Boolean.TRUE, ((ChromeDriver) driver).executeScript(
        "return window.Chart.getChart(document.getElementById('history-chart')) !== undefined"));
    shot(driver, "11-history");
    driver.findElement(By.cssSelector("#history-list li button")).click();
    visible(driver, "report");
    driver.findElement(By.id("download-pdf")).click();
    Path pdf = downloads.resolve("candor-report.pdf");
    waiting(driver).until(d -> Files.exists(pdf) && pdf.toFile().length() > 0);
    noConsoleErrors(driver);

    driver.findElement(By.id("nav-account")).click();
    assertFalse(driver.findElement(By.id("nav-history")).isDisplayed(), "signed out");
    driver.findElement(By.id("nav-account")).click();
    driver.findElement(By.id("in-email")).sendKeys(email);
    driver.findElement(By.id("in-password")).sendKeys("wrong password");
    driver.findElement(By.id("signin-submit")).click();
    waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem"), "Invalid email or password"));
    driver.findElement(By.id("in-password")).clear();
    driver.findElement(By.id("in-password")).sendKeys("correct horse battery");
    driver.findElement(By.id("signin-submit")).click();
    waiting(driver).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#history-list li"), 1));
  }

  @Test
  void aHostedModelsJudgementIsNamedOnThePage() throws Exception {
    try (dev.candor.ai.llm.FakeChatServer model = new dev.candor.ai.llm.FakeChatServer()) {
      com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
      var plan = json.createObjectNode();
      var questions = plan.putArray("questions");
      // What the planner's rules ask of a model's plan: two behavioral and two technical at least, a leadership last.
      String[] types = {"behavioral", "technical", "behavioral", "technical", "behavioral", "technical", "behavioral",
          "leadership"};
      for (int n = 1; n <= types.length; n++) {
        questions.addObject().put("id", "q" + n + "_" + types[n - 1] + "_story" + n).put("type", types[n - 1])
            .put("text", "Tell me about a time your work changed how your team delivered, number " + n + ".")
            .put("difficulty", "medium").put("estimatedTime", 120).put("topic", "story" + n);
      }
      var analysis = json.createObjectNode().put("score", 72).put("feedback", "Clear ownership. Say more about the outcome.")
          .put("followUp", (String) null);
      analysis.putObject("star").put("situation", true).put("task", true).put("action", true).put("result", false);
      analysis.putArray("keywordsFound").add("python");
      analysis.putArray("suggestions").add("State the result first");
      // The plan, then for the answer its analysis and the interviewer's acknowledgement.
      model.openAi(plan.toString()).openAi(analysis.toString())
          .openAi(json.createObjectNode().put("acknowledgement", "Thank you, that was clear.").toString());
      try (Candor hosted = Candor.start(com.typesafe.config.ConfigFactory.parseString("candor.llm { provider = openai\n"
              + "openai { base-url = \"" + model.url("/v1") + "\"\napi-key = sk-test\nmodel = gpt-test } }\n"
              + "candor.speech.tts-provider = none\ncandor.speech.stt-provider = none")
          .withFallback(dev.candor.testing.TestConfigs.node(dev.candor.testing.TestDatabase.fresh())))) {
        WebDriver driver = browser(false);
        readDocuments(driver, "http://127.0.0.1:" + hosted.httpPort() + "/");
        driver.findElement(By.id("start-interview")).click();
        questionNumber(driver, 1);
        assertTrue(driver.findElement(By.id("question-text")).getText().contains("number 1"), "the model's question");
        driver.findElement(By.id("typed-answer")).sendKeys(SampleData.strongAnswer());
        driver.findElement(By.id("send-typed")).click();
        questionNumber(driver, 2);
        WebElement engine = driver.findElement(By.id("fb-engine"));
        assertTrue(engine.isDisplayed() && engine.getText().startsWith("Judged by ") && engine.getText().contains("gpt-test"),
            "the page names the hosted model: " + engine.getText());
        assertEquals("72", driver.findElement(By.id("fb-score")).getText());
        shot(driver, "13-hosted-engine");
        noConsoleErrors(driver);
      }
    }
  }

  @Test
  void mistakesAreExplainedBeforeAnythingIsSent() throws Exception {
    WebDriver driver = browser(false);
    driver.get(url());
    fitsAPhone(driver, "0-start-phone");
    driver.findElement(By.id("resume-file")).sendKeys(file("photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}).toString());
    assertTrue(visible(driver, "problem").getText().contains("is not a PDF, DOC, DOCX or TXT"));
    driver.findElement(By.id("resume-file")).sendKeys(file("huge.pdf", new byte[6 * 1024 * 1024]).toString());
    assertTrue(visible(driver, "problem").getText().contains("the limit is 5 MB"));
    shot(driver, "6-wrong-file");

    driver.findElement(By.id("resume-file")).sendKeys(
        file("resume.txt", SampleData.SEED_000_RESUME_TEXT.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
    driver.findElement(By.id("job-url")).sendKeys("http://127.0.0.1:1/job");
    driver.findElement(By.id("read-documents")).click();
    waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem"), "job"));
    assertFalse(driver.findElement(By.id("start")).getAttribute("hidden") != null, "still on the first step");
    shot(driver, "7-unreadable-job");

    driver.findElement(By.id("job-url")).clear();
    driver.findElement(By.id("job-text")).sendKeys(JOB);
    driver.findElement(By.id("read-documents")).click();
    visible(driver, "review");
    driver.findElement(By.id("start-interview")).click();
    questionNumber(driver, 1);
    driver.findElement(By.id("record")).click();
    waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mic-status"), "type your answer"));
    assertEquals(driver.findElement(By.id("typed-answer")), driver.switchTo().activeElement(), "typing is offered");
    shot(driver, "8-no-microphone");
    // A refused network request (the unreadable job's 400) is logged by Chromium itself; the page's own script logged nothing.
    List<String> errors = consoleErrors(driver).stream().filter(m -> !m.contains("Failed to load resource")).toList();
    assertTrue(errors.isEmpty(), "JavaScript console errors: " + errors);
  }

  @Test
  void theServerRestartsMidInterviewAndThePageGoesOn() throws Exception {
    int port;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    com.typesafe.config.Config config = com.typesafe.config.ConfigFactory.parseString("candor.http.port = " + port
        + "\ncandor.speech.tts-provider = none\ncandor.speech.stt-provider = none")
        .withFallback(dev.candor.testing.TestConfigs.node(dev.candor.testing.TestDatabase.fresh()));
    Candor first = Candor.start(config);
    WebDriver driver = browser(false);
    try {
      readDocuments(driver, "http://127.0.0.1:" + port + "/");
      driver.findElement(By.id("start-interview")).click();
      questionNumber(driver, 1);
      driver.findElement(By.id("typed-answer")).sendKeys(SampleData.strongAnswer());
      driver.findElement(By.id("send-typed")).click();
      questionNumber(driver, 2);
    } finally {
      first.close();
    }
    waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("answer-state"), "reconnecting"));
    shot(driver, "12-server-down");
    try (Candor second = Candor.start(config)) {
      waiting(driver).until(d -> d.findElement(By.id("answer-state")).getText().isEmpty());
      questionNumber(driver, 2);
      driver.findElement(By.id("typed-answer")).sendKeys(SampleData.strongAnswer());
      driver.findElement(By.id("send-typed")).click();
      questionNumber(driver, 3);
      assertEquals("2", String.valueOf(((ChromeDriver) driver).executeScript(
          "return document.getElementById('fb-title').textContent.match(/question (\\d+)/)[1]")),
          "the answer to question 2 was taken by the restarted server");
    }
    // While the server was down, Chromium itself logged each refused WebSocket connection; the script logged nothing.
    List<String> errors = consoleErrors(driver).stream().filter(m -> !m.contains("WebSocket connection to")).toList();
    assertTrue(errors.isEmpty(), "JavaScript console errors: " + errors);
  }
}
