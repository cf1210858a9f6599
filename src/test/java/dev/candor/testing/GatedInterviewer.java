package dev.candor.testing;

import dev.candor.interview.AnswerAnalysis;
import dev.candor.interview.AnsweredQuestion;
import dev.candor.interview.InterviewPreferences;
import dev.candor.interview.Interviewer;
import dev.candor.interview.JobPosting;
import dev.candor.interview.Question;
import dev.candor.interview.Report;
import dev.candor.interview.Resume;
import dev.candor.interview.RuleBasedInterviewer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The real rule-based interviewer behind gates a test opens when it wants the work to finish, so a session
 * can be held in any state; it can also be told to fail analyses, as a provider that is down would.
 */
public final class GatedInterviewer implements Interviewer {

  private final Interviewer real = new RuleBasedInterviewer();
  private volatile CountDownLatch planGate = new CountDownLatch(0);
  private volatile CountDownLatch analysisGate = new CountDownLatch(0);
  private volatile boolean failAnalyses;

  public void holdPlans() {
    planGate = new CountDownLatch(1);
  }

  public void releasePlans() {
    planGate.countDown();
  }

  public void holdAnalyses() {
    analysisGate = new CountDownLatch(1);
  }

  public void releaseAnalyses() {
    analysisGate.countDown();
  }

  public void failAnalyses(boolean fail) {
    failAnalyses = fail;
  }

  @Override
  public List<Question> plan(Resume resume, JobPosting job, InterviewPreferences preferences, int questionCount) {
    await(planGate);
    return real.plan(resume, job, preferences, questionCount);
  }

  @Override
  public AnswerAnalysis analyse(Question question, String answer, JobPosting job, Double durationSeconds) {
    await(analysisGate);
    if (failAnalyses) {
      throw new IllegalStateException("analysis provider unavailable");
    }
    return real.analyse(question, answer, job, durationSeconds);
  }

  @Override
  public String acknowledge(AnswerAnalysis analysis) {
    return real.acknowledge(analysis);
  }

  @Override
  public Report report(List<AnsweredQuestion> questions, Resume resume, JobPosting job) {
    return real.report(questions, resume, job);
  }

  private static void await(CountDownLatch gate) {
    try {
      if (!gate.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("gate never opened");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
