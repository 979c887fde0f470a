import {
  legalDocument,
  legalDocumentInput,
  legalDocumentList,
  legalDocumentSearchQuery,
} from '@binhdang/contracts';
import { type ApiApp, defineRoute, jsonBody, jsonContent, requestMeta, requireActor } from '../app/http.ts';
import { registerLegalDocument, searchLegalDocuments } from './legal-documents.service.ts';

const tags = ['legal-documents'];

export function registerLegalDocumentRoutes(api: ApiApp) {
  api.openapi(
    defineRoute('plans.read', {
      method: 'get',
      path: '/legal-documents',
      tags,
      summary: 'Search the registry of cited documents (number, kind, issuer, title; diacritics ignored)',
      request: { query: legalDocumentSearchQuery },
      responses: { 200: jsonContent(legalDocumentList) },
    }),
    async (c) => {
      const { q, limit } = c.req.valid('query');
      return c.json(await searchLegalDocuments({ db: c.get('deps').db, q, limit }), 200);
    },
  );

  api.openapi(
    defineRoute('plans.write', {
      method: 'post',
      path: '/legal-documents',
      tags,
      summary: 'Register a cited document; the same number and date returns the registered one',
      request: { body: jsonBody(legalDocumentInput) },
      responses: { 200: jsonContent(legalDocument, 'Already registered'), 201: jsonContent(legalDocument) },
    }),
    async (c) => {
      const { document, created } = await registerLegalDocument({
        db: c.get('deps').db,
        actor: requireActor(c),
        meta: requestMeta(c),
        input: c.req.valid('json'),
      });
      return c.json(document, created ? 201 : 200);
    },
  );
}
