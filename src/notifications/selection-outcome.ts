import { buildEmailMessage, type EmailContent } from "./email-layout.ts";
import { instantForReader } from "./reader-time.ts";

/** An offer as its email names it. */
export interface OfferWords {
  projectTitle: string;
  organizationName: string;
  respondBy: Date;
}

/** Who reads an outcome email, and the term it is about. */
export interface OutcomeReader {
  baseUrl: string;
  name: string;
  termTitle: string;
  termTimeZone: string;
  /** The reader's own zone (their profile's), or null when they gave none: the term's zone alone is used. */
  readerTimeZone: string | null;
}

/**
 * The one outcome email an applicant gets on the notifications instant: their offer(s) with the
 * response deadline, or, when no project could offer them a place, "not selected" in kind words
 * that name the projects they applied to and say a place may still open.
 */
export function selectionOutcomeMessage(input: OutcomeReader & { offers: readonly OfferWords[]; appliedTo: readonly string[] }): EmailContent {
  if (input.offers.length > 0) return offerMessage(input, input.offers, "selection");
  const projects = input.appliedTo.map((title) => `"${title}"`).join(", ");
  return buildEmailMessage({
    baseUrl: input.baseUrl,
    subject: `Your application to ${input.termTitle}`,
    greeting: `Hello ${input.name},`,
    paragraphs: [
      `Thank you for applying to ${input.termTitle}. We are sorry: this time the mentors of ${input.appliedTo.length === 1 ? "the project" : "the projects"} you applied to (${projects}) could not offer you a place.`,
      "Far more people apply than there are places, and mentors often have to choose between several strong applications. This says nothing against your work, and we hope you apply again.",
      "Places sometimes open up before the mentorship begins. If one does for you, we will write to you with an offer.",
    ],
    action: { label: "See your applications", path: "/applications" },
    reason: `You receive this email because you applied to ${input.termTitle}; it is the only outcome email of this term.`,
  });
}

/** The email of an offer made from the waitlist, when a place opened up after the notices. */
export function waitlistOfferMessage(input: OutcomeReader & { offer: OfferWords }): EmailContent {
  return offerMessage(input, [input.offer], "waitlist");
}

function offerMessage(input: OutcomeReader, offers: readonly OfferWords[], source: "selection" | "waitlist"): EmailContent {
  const [only, ...others] = offers;
  const single = only && others.length === 0 ? only : null;
  const named = (offer: OfferWords) => `"${offer.projectTitle}" (${offer.organizationName})`;
  const opening =
    source === "waitlist"
      ? `Good news: a place opened up in ${input.termTitle}, and the mentors of ${single ? named(single) : "these projects"} offer it to you.`
      : single
        ? `Congratulations! The mentors of ${named(single)} offer you a mentorship in ${input.termTitle}.`
        : `Congratulations! You have ${offers.length} offers of a mentorship in ${input.termTitle}:`;
  const list = single ? [] : [offers.map((offer) => `${named(offer)}: answer by ${instantForReader(offer.respondBy, input)}`).join("\n")];
  const deadline = single
    ? `Please accept or decline by ${instantForReader(single.respondBy, input)}. If you do not answer by then, the offer lapses and the place goes to someone else.`
    : "You can accept one of them. Accepting withdraws your other applications of this term; an offer you do not answer by its date lapses.";
  return buildEmailMessage({
    baseUrl: input.baseUrl,
    subject: single ? `Offer: a mentorship on "${single.projectTitle}" in ${input.termTitle}` : `Offers: ${offers.length} mentorships in ${input.termTitle}`,
    greeting: `Hello ${input.name},`,
    paragraphs: [opening, ...list, deadline],
    action: { label: "Accept or decline", path: "/applications" },
    reason: `You receive this email because you applied to ${input.termTitle}.`,
  });
}

/** The email that an offer lapsed, its deadline passed unanswered. */
export function offerLapsedMessage(input: OutcomeReader & { offer: OfferWords }): EmailContent {
  return buildEmailMessage({
    baseUrl: input.baseUrl,
    subject: `Your offer on "${input.offer.projectTitle}" lapsed`,
    greeting: `Hello ${input.name},`,
    paragraphs: [
      `The offer of a mentorship on "${input.offer.projectTitle}" (${input.offer.organizationName}) in ${input.termTitle} was not answered by ${instantForReader(input.offer.respondBy, input)}, so it lapsed and the place goes to the next applicant.`,
      "If this is a mistake, write to the program's admins at once.",
    ],
    action: { label: "See your applications", path: "/applications" },
    reason: `You receive this email because you had an offer in ${input.termTitle}.`,
  });
}

/** The confirmation of an accepted offer: the mentorship, and the other applications withdrawn. */
export function offerAcceptedMessage(
  input: OutcomeReader & { offer: Omit<OfferWords, "respondBy">; withdrawn: readonly string[]; startsAt: Date | null },
): EmailContent {
  const withdrawn =
    input.withdrawn.length === 0 ? [] : [`Your other applications of this term are withdrawn: ${input.withdrawn.map((title) => `"${title}"`).join(", ")}.`];
  return buildEmailMessage({
    baseUrl: input.baseUrl,
    subject: `Welcome to "${input.offer.projectTitle}"`,
    greeting: `Hello ${input.name},`,
    paragraphs: [
      `You accepted the mentorship on "${input.offer.projectTitle}" (${input.offer.organizationName}) in ${input.termTitle}.${input.startsAt ? ` It begins on ${instantForReader(input.startsAt, input)}.` : ""}`,
      ...withdrawn,
      "Your mentors will be in touch before the start.",
    ],
    action: { label: "See your applications", path: "/applications" },
    reason: `You receive this email because you accepted an offer in ${input.termTitle}.`,
  });
}
