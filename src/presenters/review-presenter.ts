import type { ApplicationReview, ReviewQueueResponse } from "../schemas/review.ts";
import type { ApplicationReviewData, ReviewQueueData } from "../storage/schema.ts";

/** An application's review as its project's mentors and the program's admins read it. */
export function presentApplicationReview(data: ApplicationReviewData): ApplicationReview {
  return {
    applicationId: data.row.id,
    mark: data.row.reviewMark,
    shortlistRank: data.row.shortlistRank,
    markedAt: data.row.markedAt,
    scores: data.scores.map((score) => ({ mentor: score.mentorName, score: score.score, mine: score.personId === data.viewerId, updatedAt: score.updatedAt })),
    notes: data.notes.map((note) => ({ id: note.id, author: note.authorName, body: note.body, createdAt: note.createdAt })),
    otherApplications: data.otherApplications,
    conflicts: data.conflicts.map((conflict) => ({ mentor: conflict.mentorName, createdAt: conflict.createdAt })),
    canReview: data.canReview,
  };
}

/** A project's review queue. */
export function presentReviewQueue(data: ReviewQueueData): ReviewQueueResponse {
  return {
    project: data.project,
    term: data.term,
    review: data.review,
    canReview: data.canReview,
    items: data.items.map((item) => ({
      id: item.id,
      state: item.state,
      submittedAt: item.submittedAt,
      applicant: { name: item.name, githubHandle: item.githubHandle, pronouns: item.pronouns, country: item.country },
      mark: item.reviewMark,
      shortlistRank: item.shortlistRank,
      myScore: item.myScore,
      scores: { count: item.scoreCount, average: item.scoreAverage === null ? null : Math.round(item.scoreAverage * 10) / 10 },
      notes: item.notes,
      otherApplications: item.otherApplications,
      conflicts: item.conflicts,
    })),
  };
}
