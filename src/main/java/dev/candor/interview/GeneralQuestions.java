package dev.candor.interview;

import java.util.List;

/**
 * Classic behavioral and leadership questions for when the resume and the job give too little to
 * build specific ones. Each names the job title when it is known, so even a stock question is about
 * this role. There are more than a 20-question plan can need, so the planner never runs dry.
 */
final class GeneralQuestions {

  private GeneralQuestions() {}

  static List<QuestionDraft> behavioral(String jobTitle) {
    return List.of(
        pick(QuestionType.BEHAVIORAL, "challenge", "a significant challenge", jobTitle,
            "Tell me about a time you faced a significant challenge in a project. How did you approach it, and what was the outcome?",
            "Tell me about the hardest challenge you have faced in work relevant to %s role. How did you approach it, and what was the outcome?"),
        pick(QuestionType.BEHAVIORAL, "learning", "learning a new technology quickly", jobTitle,
            "Tell me about a time you had to learn a new technology quickly. How did you approach it, and what was the outcome?",
            "Tell me about a time you had to learn a new technology quickly. How would that experience help you as %s?"),
        pick(QuestionType.BEHAVIORAL, "failure", "a failure", jobTitle,
            "Tell me about a time something you were responsible for failed. What happened, what did you do, and what did you learn?",
            "Tell me about a time something you were responsible for failed. What did you learn that you would bring to %s role?"),
        pick(QuestionType.BEHAVIORAL, "conflict", "a disagreement with a colleague", jobTitle,
            "Tell me about a disagreement with a colleague about how to do something. How did you resolve it, and what was the result?",
            "As %s you will disagree with colleagues at times. Tell me about one disagreement, how you resolved it and the result."),
        pick(QuestionType.BEHAVIORAL, "priorities", "competing priorities", jobTitle,
            "Describe a time you had more work than time. How did you decide what to do first, and how did it turn out?",
            "As %s you will juggle competing priorities. Describe a time you had more work than time and how you decided what came first."),
        pick(QuestionType.BEHAVIORAL, "feedback", "receiving difficult feedback", jobTitle,
            "Tell me about a time you received difficult feedback. What did you change afterwards, and what was the result?",
            "Tell me about difficult feedback you received. What did you change afterwards, and how does it shape you as %s?"),
        QuestionDraft.of(QuestionType.BEHAVIORAL, "deadline", "a tight deadline",
            "Describe a time you were close to missing an important deadline. What did you do, and what was the outcome?"),
        QuestionDraft.of(QuestionType.BEHAVIORAL, "ambiguity", "unclear requirements",
            "Tell me about a time you had to deliver with unclear requirements. How did you find out what was really needed?"),
        QuestionDraft.of(QuestionType.BEHAVIORAL, "mistake", "a mistake you made",
            "Tell me about a mistake you made at work. How did you find it, fix it, and stop it from happening again?"),
        QuestionDraft.of(QuestionType.BEHAVIORAL, "stakeholder", "working with a stakeholder",
            "Describe a time you worked closely with a customer or stakeholder to solve a problem. What did you do, and what changed?"));
  }

  static List<QuestionDraft> leadership(String jobTitle) {
    return List.of(
        pick(QuestionType.LEADERSHIP, "mentoring", "mentoring", jobTitle,
            "Tell me about a time you mentored or helped a less experienced colleague grow. What did you do, and what changed for them?",
            "As %s you may mentor others. Tell me about a time you helped a less experienced colleague grow, and what changed for them."),
        pick(QuestionType.LEADERSHIP, "influence", "influence without authority", jobTitle,
            "Tell me about a time you convinced others to adopt your idea without having authority over them. How did you do it?",
            "As %s, how do you win people over without authority? Tell me about a time you convinced others to adopt your idea."),
        QuestionDraft.of(QuestionType.LEADERSHIP, "ownership", "taking ownership",
            "Tell me about a time you took ownership of a problem nobody else owned. What did you do, and what was the result?"),
        QuestionDraft.of(QuestionType.LEADERSHIP, "teamconflict", "conflict within a team",
            "Describe a time you helped resolve a conflict within your team. What did you do, and how did the team work afterwards?"),
        QuestionDraft.of(QuestionType.LEADERSHIP, "decision", "an unpopular decision",
            "Tell me about a time you made an unpopular decision for your team. How did you communicate it, and how did it play out?"),
        QuestionDraft.of(QuestionType.LEADERSHIP, "delegation", "leading through others",
            "Describe a time you led a piece of work through other people. How did you split the work and keep it on track?"),
        pick(QuestionType.LEADERSHIP, "direction", "setting direction", jobTitle,
            "Tell me about a time you set the direction for a team or project. How did you get people behind it, and what happened?",
            "How would you set direction for a team as %s? Tell me about a time you did something similar and what happened."));
  }

  /** The title variant, given the title with its article ("an Engineering Manager"), when the title is known. */
  private static QuestionDraft pick(QuestionType type, String slug, String topic, String jobTitle, String plain,
      String withTitle) {
    return QuestionDraft.of(type, slug, topic,
        jobTitle == null ? plain : QuestionDraft.fit(withTitle, Phrases.withArticle(jobTitle), 200));
  }
}
