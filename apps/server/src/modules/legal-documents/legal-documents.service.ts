import {
  foldForSearch,
  type LegalDocument,
  type LegalDocumentInput,
  legalDocumentNumberKey,
} from '@binhdang/contracts';
import type { Kysely } from 'kysely';
import type { Actor } from '../access/access.policy.ts';
import type { Db } from '../app/database.ts';
import type { Database, LegalDocumentRow } from '../app/database.types.ts';
import { insertAuditRecord } from '../audit/audit.queries.ts';
import type { RequestMeta } from '../auth/auth.service.ts';

/*
 * The registry of cited documents (DESIGN.md capability 2). Documents are public acts, so
 * every signed-in planner reads the whole registry; the same number on the same day is one row.
 */

export function toLegalDocument(row: LegalDocumentRow): LegalDocument {
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    issuedOn: row.issued_on,
    issuer: row.issuer,
    title: row.title,
  };
}

function searchTextOf(input: LegalDocumentInput): string {
  return foldForSearch([input.kind, input.number, input.issuer, input.title].filter(Boolean).join(' '));
}

export async function searchLegalDocuments({
  db,
  q,
  limit,
}: {
  db: Db;
  q?: string | undefined;
  limit: number;
}) {
  let query = db.selectFrom('legal_documents').selectAll();
  const words = foldForSearch(q ?? '')
    .split(' ')
    .filter(Boolean);
  for (const word of words)
    query = query.where('search_text', 'like', `%${word.replace(/[\\%_]/g, '\\$&')}%`);
  const rows = await query.orderBy('issued_on', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return { items: rows.map(toLegalDocument) };
}

/** Finds the registered document with this number and date, or registers it; in the caller's transaction. */
export async function findOrRegisterLegalDocument(
  trx: Kysely<Database>,
  input: LegalDocumentInput,
  actorUserId: number | null,
  meta?: RequestMeta,
): Promise<{ document: LegalDocumentRow; created: boolean }> {
  const numberKey = input.number ? legalDocumentNumberKey(input.number) : null;
  if (numberKey) {
    let existing = trx.selectFrom('legal_documents').selectAll().where('number_key', '=', numberKey);
    existing =
      input.issuedOn === null
        ? existing.where('issued_on', 'is', null)
        : existing.where('issued_on', '=', input.issuedOn);
    const found = await existing.executeTakeFirst();
    if (found) return { document: found, created: false };
  }
  const document = await trx
    .insertInto('legal_documents')
    .values({
      kind: input.kind,
      number: input.number,
      number_key: numberKey,
      issued_on: input.issuedOn,
      issuer: input.issuer || null,
      title: input.title || null,
      search_text: searchTextOf(input),
      created_by: actorUserId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertAuditRecord(trx, {
    actorUserId,
    action: 'legal_document.register',
    entityType: 'legal_document',
    entityId: document.id,
    after: toLegalDocument(document),
    ip: meta?.ip ?? null,
  });
  return { document, created: true };
}

export async function registerLegalDocument({
  db,
  actor,
  meta,
  input,
}: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  input: LegalDocumentInput;
}): Promise<{ document: LegalDocument; created: boolean }> {
  const { document, created } = await db
    .transaction()
    .execute((trx) => findOrRegisterLegalDocument(trx, input, actor.userId, meta));
  return { document: toLegalDocument(document), created };
}
