import type { EligibilityQuestionRule } from "../domain/eligibility.ts";

/** The demo program's eligibility questions: the three examples of a real program, each ruling out on “no”. */
export const DEMO_ELIGIBILITY_QUESTIONS: readonly EligibilityQuestionRule[] = [
  {
    kind: "yes_no",
    prompt: "I am 18 or older",
    choices: [],
    disqualifyingAnswers: ["no"],
    disqualifyingReason: "Mentees must be 18 or older when the term starts.",
  },
  {
    kind: "yes_no",
    prompt: "I have not been a mentee of this program before",
    choices: [],
    disqualifyingAnswers: ["no"],
    disqualifyingReason: "The program is for first-time mentees; former mentees are welcome to come back as mentors.",
  },
  {
    kind: "yes_no",
    prompt: "I can receive payments where I live",
    choices: [],
    disqualifyingAnswers: ["no"],
    disqualifyingReason: "Mentees are paid a stipend, so they must be able to receive payments where they live.",
  },
];
