import dev.candor.testing.SampleData;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app as a candidate uses it, timed in the page itself (performance.now(), so the driver's polling adds
 * nothing): the bytes the first load transferred (the page, its script and styles, Chart.js), and for each typed
 * interview the time from sending the last answer to the report on screen (the analysis, the report written and
 * persisted, the charts drawn).
 *
 * Usage (see bench/webapp.sh): java -cp ... bench/WebAppTiming.java PORT INTERVIEWS
 */
public class WebAppTiming {

  private static final String JOB = "Senior Software Engineer at Initech\n\nRequirements:\n- 5+ years of Python\n"
      + "- React and AWS\n\nResponsibilities:\n- Lead development of web applications\n- Mentor junior developers";

  /** Clicks the last answer's send button and resolves with the milliseconds until the report is on screen. */
  private static final String LAST_ANSWER_TO_REPORT = """
      const done = arguments[arguments.length - 1];
      const report = document.getElementById('report');
      const score = document.getElementById('overall-score');
      const started = performance.now();
      const check = () => !report.hidden && score.textContent !== '';
      new MutationObserver((changes, observer) => {
        if (check()) { observer.disconnect(); done(performance.now() - started); }
      }).observe(document.body, { attributes: true, childList: true, subtree: true, characterData: true });
      document.getElementById('send-typed').click();
      """;

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int interviews = Integer.parseInt(args[1]);
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--autoplay-policy=no-user-gesture-required");
    ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120), Duration.ofMillis(20));
    Path resume = Files.createTempFile("resume", ".txt");
    Files.writeString(resume, SampleData.SEED_000_RESUME_TEXT, StandardCharsets.UTF_8);
    try {
      driver.get("http://127.0.0.1:" + port + "/");
      wait.until(d -> ((JavascriptExecutor) d).executeScript("return window.Chart !== undefined"));
      Object weight = driver.executeScript("""
          const nav = performance.getEntriesByType('navigation')[0];
          const resources = performance.getEntriesByType('resource');
          return [nav.transferSize + resources.reduce((s, r) => s + r.transferSize, 0),
                  nav.decodedBodySize + resources.reduce((s, r) => s + r.decodedBodySize, 0), resources.length + 1];
          """);
      List<?> w = (List<?>) weight;
      System.out.printf("page weight, first load: %.1f KB transferred (%.1f KB decoded) in %s requests%n",
          ((Number) w.get(0)).doubleValue() / 1024, ((Number) w.get(1)).doubleValue() / 1024, w.get(2));

      List<Double> times = new ArrayList<>();
      for (int i = 0; i < interviews; i++) {
        if (i > 0) {
          driver.findElement(By.id("new-interview")).click();
        }
        driver.findElement(By.id("resume-file")).sendKeys(resume.toString());
        driver.findElement(By.id("job-text")).clear();
        driver.findElement(By.id("job-text")).sendKeys(JOB);
        driver.findElement(By.id("read-documents")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review")));
        driver.findElement(By.id("start-interview")).click();
        int total = 0;
        for (int q = 1; ; q++) {
          final int n = q;
          wait.until(d -> d.findElement(By.id("question-meta")).getText().startsWith("Question " + n + " of"));
          String meta = driver.findElement(By.id("question-meta")).getText();
          total = Integer.parseInt(meta.split(" of ")[1].split(" ")[0]);
          driver.findElement(By.id("typed-answer")).sendKeys(SampleData.strongAnswer());
          if (q == total) {
            times.add(((Number) driver.executeAsyncScript(LAST_ANSWER_TO_REPORT)).doubleValue());
            break;
          }
          driver.findElement(By.id("send-typed")).click();
        }
      }
      times.sort(Double::compare);
      System.out.printf("last typed answer -> report on screen, %d interviews: p50 %.0f ms, min %.0f ms, max %.0f ms%n",
          times.size(), times.get(times.size() / 2), times.get(0), times.get(times.size() - 1));
    } catch (org.openqa.selenium.TimeoutException e) {
      System.out.println("stuck: problem='" + driver.findElement(By.id("problem")).getText() + "' state='"
          + driver.findElement(By.id("answer-state")).getText() + "' question='"
          + driver.findElement(By.id("question-meta")).getText() + "'");
      throw e;
    } finally {
      driver.quit();
    }
  }
}
