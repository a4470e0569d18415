import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { catalogQueryKey, normalizeCatalogQuery } from "../../../commands/catalog/catalog-query.ts";
import { type CatalogVersion, getCatalogVersion, requireReadableCatalog } from "../../../commands/catalog/get-catalog-version.ts";
import { type CatalogVocabulary, getCatalogVocabulary } from "../../../commands/catalog/get-catalog-vocabulary.ts";
import { getPublicTerm } from "../../../commands/catalog/get-public-term.ts";
import { getTermTimeline } from "../../../commands/catalog/get-term-timeline.ts";
import { searchPublicCatalog } from "../../../commands/catalog/search-public-catalog.ts";
import { isDraftTerm } from "../../../policies/term-policy.ts";
import { presentTermCalendar } from "../../../presenters/calendar-presenter.ts";
import { presentCatalogPage } from "../../../presenters/project-presenter.ts";
import { presentTermDetail } from "../../../presenters/term-presenter.ts";
import { CalendarResponse, CatalogResponse, TermDetail } from "../../../schemas/catalog.ts";
import type { AppContext } from "../../context.ts";
import { problemResponses } from "../../problem-responses.ts";
import { sendCachedJson, timedMemo, versionedMemo } from "../../response-cache.ts";
import { CatalogQuery, TermParams } from "./schema.ts";

/** How long a process trusts the catalog version it read: a change shows within this time. */
const CATALOG_VERSION_TTL_MS = 1000;

/** Each term's catalog version and who may read it, read at most once a TTL per process. */
const catalogVersions = timedMemo<CatalogVersion>();

/** Each term version's organizations and skills, which the catalog's filters are narrowed to. */
const vocabularies = versionedMemo<CatalogVocabulary>(100);

/** Public routes for a term: its timeline, its catalog of projects and its calendar feed. */
export const termRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    "/api/terms/:term",
    {
      schema: {
        tags: ["catalog"],
        summary: "A term: status now, time zone, timeline phases and the next deadline",
        params: TermParams,
        response: { 200: TermDetail, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const { term, program, timeline, counts } = await getPublicTerm(context.database, request.params.term, request.actor);
      return presentTermDetail(term, program, timeline, counts, context.now());
    },
  );

  app.get(
    "/api/terms/:term/projects",
    {
      schema: {
        tags: ["catalog"],
        summary: "Search a term's accepted projects, with skill and organization facets",
        description:
          "`q` is ranked full-text search over title, description, outcome and skills. Several `skill` values must all match; several `org` values match any (at most 50 of each; one the term does not have matches nothing). Skill facet counts are over the whole filter; organization counts leave the organization filter out.",
        params: TermParams,
        querystring: CatalogQuery,
        response: { 200: CatalogResponse, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const termSlug = request.params.term;
      // The catalog's version is read at most once a second per term and process. It is shared by
      // every caller, so whether this caller may read a draft's catalog is decided on it before
      // any cached answer is looked up: a draft's answers never reach anyone but its admins.
      const remembered = await catalogVersions(context, `catalog-version:${termSlug}`, CATALOG_VERSION_TTL_MS, () =>
        getCatalogVersion(context.database, termSlug),
      );
      const { key: version } = await requireReadableCatalog(context.database, termSlug, request.actor, remembered);
      const vocabulary = await vocabularies(context, version, () => getCatalogVocabulary(context.database, termSlug));
      const query = normalizeCatalogQuery(request.query, vocabulary);
      return sendCachedJson(reply, {
        context,
        cache: "catalog",
        key: `${version}:${catalogQueryKey(query)}`,
        schema: CatalogResponse,
        // Presented once per cache entry, like the search itself: a cached answer costs neither.
        produce: async () => presentCatalogPage(await searchPublicCatalog(context.database, termSlug, query, request.actor), query),
      });
    },
  );

  app.get(
    "/api/terms/:term/calendar.ics",
    {
      schema: {
        tags: ["catalog"],
        summary: "The term's timeline as an iCalendar feed (RFC 5545) to subscribe to",
        params: TermParams,
        produces: ["text/calendar"],
        response: { 200: CalendarResponse, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const found = await getTermTimeline(context.database, request.params.term, request.actor);
      const { filename, body } = presentTermCalendar(found);
      return (
        reply
          .type("text/calendar; charset=utf-8")
          .header("content-disposition", `inline; filename="${filename}"`)
          // A draft's feed is for its admins alone: no shared cache may keep it for anyone else.
          .header("cache-control", isDraftTerm(found.term) ? "private, no-store" : "public, max-age=300")
          .send(body)
      );
    },
  );
};
