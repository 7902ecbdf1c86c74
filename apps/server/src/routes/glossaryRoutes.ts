import { glossaryFields as fields, glossaryTermSchema } from '@lore/api';
import type { GlossaryEntry } from '@lore/core';
import { z } from 'zod';
import { defineRoute } from '../http/route';
import { errorResponse } from './schemas';

const iso = (ms: number) => new Date(ms).toISOString();
const params = z.object({ id: z.string().min(1).max(100) });

function presentTerm(entry: GlossaryEntry) {
  return {
    id: entry.id,
    term: entry.term,
    meaning: entry.meaning,
    expansions: [...entry.expansions],
    createdAt: iso(entry.createdAt),
    updatedAt: iso(entry.updatedAt),
    updatedBy: entry.updatedBy,
  };
}

const termBody = z.object({ term: glossaryTermSchema });

export const glossaryRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/glossary',
    tag: 'Glossary',
    summary: 'The workspace glossary, sorted by term (the editor shows meanings on hover)',
    access: 'user',
    responses: {
      200: { description: 'Every term', schema: z.object({ terms: z.array(glossaryTermSchema) }) },
    },
    handler: ({ actor, services }) => ({
      status: 200,
      body: { terms: services.search.glossary.list(actor).map(presentTerm) },
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/glossary',
    tag: 'Glossary',
    summary: 'Add a term; its expansions become search synonyms within a second',
    access: 'user',
    body: z.strictObject({ ...fields, expansions: fields.expansions.optional() }),
    responses: {
      201: { description: 'The term', schema: termBody },
      403: errorResponse('Guests cannot edit the glossary'),
      409: errorResponse('The term exists already (`glossary_term_taken`)'),
    },
    handler: ({ actor, body, services }) => ({
      status: 201,
      body: {
        term: presentTerm(
          services.search.glossary.create(actor, {
            term: body.term,
            meaning: body.meaning,
            expansions: body.expansions ?? [],
          }),
        ),
      },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/glossary/:id',
    tag: 'Glossary',
    summary: 'One glossary term',
    access: 'user',
    params,
    responses: {
      200: { description: 'The term', schema: termBody },
      404: errorResponse('No such term (`glossary_term_not_found`)'),
    },
    handler: ({ actor, params, services }) => ({
      status: 200,
      body: { term: presentTerm(services.search.glossary.get(actor, params.id)) },
    }),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/glossary/:id',
    tag: 'Glossary',
    summary: 'Change a term, its meaning or its expansions (fields left out stay as they are)',
    access: 'user',
    params,
    body: z
      .strictObject({
        term: fields.term.optional(),
        meaning: fields.meaning.optional(),
        expansions: fields.expansions.optional(),
      })
      .refine((body) => Object.keys(body).length > 0, {
        message: 'Send at least one of term, meaning, expansions.',
      }),
    responses: {
      200: { description: 'The term', schema: termBody },
      403: errorResponse('Guests cannot edit the glossary'),
      404: errorResponse('No such term (`glossary_term_not_found`)'),
      409: errorResponse('Another term has that name (`glossary_term_taken`)'),
    },
    handler: ({ actor, params, body, services }) => {
      const glossary = services.search.glossary;
      const current = glossary.get(actor, params.id);
      const entry = glossary.update(actor, params.id, {
        term: body.term ?? current.term,
        meaning: body.meaning ?? current.meaning,
        expansions: body.expansions ?? current.expansions,
      });
      return { status: 200, body: { term: presentTerm(entry) } };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/glossary/:id',
    tag: 'Glossary',
    summary: 'Remove a term (and its synonyms)',
    access: 'user',
    params,
    responses: {
      204: { description: 'Removed' },
      403: errorResponse('Guests cannot edit the glossary'),
      404: errorResponse('No such term (`glossary_term_not_found`)'),
    },
    handler: ({ actor, params, services }) => {
      services.search.glossary.remove(actor, params.id);
      return { status: 204 };
    },
  }),
];
