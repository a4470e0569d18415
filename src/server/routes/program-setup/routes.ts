import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { createOrganization } from "../../../commands/organizations/create-organization.ts";
import { updateOrganization } from "../../../commands/organizations/update-organization.ts";
import { getProgramSettings } from "../../../commands/programs/get-program-settings.ts";
import { updateProgramSettings } from "../../../commands/programs/update-program-settings.ts";
import { getStipendPolicy, updateStipendPolicy, uploadCountryTable } from "../../../commands/stipends/stipend-policy.ts";
import { presentOrganization } from "../../../presenters/organization-presenter.ts";
import { presentProgramSettings } from "../../../presenters/program-settings-presenter.ts";
import { presentStipendPolicy } from "../../../presenters/stipend-presenter.ts";
import { Organization, OrganizationBody, OrganizationUpdateBody } from "../../../schemas/organization.ts";
import { ProgramSettings, ProgramSettingsBody } from "../../../schemas/program-settings.ts";
import { CountryTableBody, StipendPolicyBody, StipendPolicyView } from "../../../schemas/stipends.ts";
import { requireWriter } from "../../auth.ts";
import type { AppContext } from "../../context.ts";
import { problemResponses } from "../../problem-responses.ts";
import { OrganizationParams, ProgramParams } from "./schema.ts";

/** How a program's admins set the program up: its settings and its organizations. */
export const programSetupRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    "/api/programs/:program/settings",
    {
      schema: {
        tags: ["admin"],
        summary: "The program's settings: name, time zone, limits and the offer response time (program admins only)",
        params: ProgramParams,
        response: { 200: ProgramSettings, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentProgramSettings(await getProgramSettings({ database: context.database, actor: request.actor, programSlug: request.params.program })),
  );

  app.patch(
    "/api/programs/:program/settings",
    {
      schema: {
        tags: ["admin"],
        summary: "Change some of the program's settings; null clears the project quota or the slot budget (program admins only)",
        params: ProgramParams,
        body: ProgramSettingsBody,
        response: { 200: ProgramSettings, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const program = await updateProgramSettings({
        database: context.database,
        actor: requireWriter(request),
        programSlug: request.params.program,
        changes: request.body,
        now: context.now(),
      });
      return presentProgramSettings(program);
    },
  );

  app.post(
    "/api/programs/:program/organizations",
    {
      schema: {
        tags: ["admin"],
        summary: "Add an organization to the program; a slug it already has is refused (program admins only)",
        params: ProgramParams,
        body: OrganizationBody,
        response: { 201: Organization, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { program, organization } = await createOrganization({
        database: context.database,
        actor: requireWriter(request),
        programSlug: request.params.program,
        details: request.body,
        now: context.now(),
      });
      return reply.code(201).send(presentOrganization(organization, program));
    },
  );

  app.patch(
    "/api/programs/:program/organizations/:organization",
    {
      schema: {
        tags: ["admin"],
        summary: "Change an organization's name, slug, links, description or project quota (program admins only)",
        params: OrganizationParams,
        body: OrganizationUpdateBody,
        response: { 200: Organization, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { program, organization } = await updateOrganization({
        database: context.database,
        actor: requireWriter(request),
        programSlug: request.params.program,
        organizationSlug: request.params.organization,
        changes: request.body,
        now: context.now(),
      });
      return presentOrganization(organization, program);
    },
  );

  app.get(
    "/api/programs/:program/stipend-policy",
    {
      schema: {
        tags: ["admin"],
        summary:
          "The program's stipend policy: currency, base amount, installments and the country table, each country's total worked out (program admins only)",
        params: ProgramParams,
        response: { 200: StipendPolicyView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => presentStipendPolicy(await getStipendPolicy({ database: context.database, actor: request.actor, programSlug: request.params.program })),
  );

  app.put(
    "/api/programs/:program/stipend-policy",
    {
      schema: {
        tags: ["admin"],
        summary:
          "Set the stipend policy's currency, base amount (minor units) and installments (percentages adding up to 100, one per evaluation); the country table is kept (program admins only)",
        params: ProgramParams,
        body: StipendPolicyBody,
        response: { 200: StipendPolicyView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { currency, baseAmount, installments } = request.body;
      const data = await updateStipendPolicy({
        database: context.database,
        actor: requireWriter(request),
        programSlug: request.params.program,
        terms: {
          currency,
          baseAmount,
          installments: installments.map((item) => ({ basisPoints: Math.round(item.percent * 100), releasedBy: item.releasedBy })),
        },
        now: context.now(),
      });
      return presentStipendPolicy(data);
    },
  );

  app.put(
    "/api/programs/:program/stipend-policy/countries",
    {
      schema: {
        tags: ["admin"],
        summary:
          "Replace the country table with a CSV of ISO 3166 codes and percentages of the base; a file with errors is refused whole, each error named by its line (program admins only)",
        params: ProgramParams,
        body: CountryTableBody,
        response: { 200: StipendPolicyView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      presentStipendPolicy(
        await uploadCountryTable({
          database: context.database,
          actor: requireWriter(request),
          programSlug: request.params.program,
          csv: request.body.csv,
          now: context.now(),
        }),
      ),
  );
};
