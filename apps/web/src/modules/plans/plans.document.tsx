import type { PlanDetail, PlanItem, PlanTask, TaskAssignee } from '@binhdang/contracts';
import { t } from '../../i18n/i18n.ts';
import { documentNumberLabel, legalDocumentText } from './plans.format.tsx';
import { buildOutlineTree, type OutlineNode } from './plans.outline.ts';
import { describeTaskTime } from './plans.time.ts';

/*
 * The plan laid out as the paper document (Decree 30/2020/NĐ-CP): issuer and number on the
 * left, the national motto and place/date on the right, the title, bases, numbered content
 * with its tasks, then recipients and signer.
 */

function placeAndDate(plan: PlanDetail): string {
  const [year, month, day] = plan.issuedOn
    ? plan.issuedOn.split('-')
    : [String(plan.year), '\u2003', '\u2003'];
  return t('plans.document.placeDate', {
    place: plan.place ?? '\u2003\u2003',
    day: day ?? '',
    month: month ?? '',
    year: year ?? '',
  });
}

/** Paragraphs as typed: blank lines separate them, single line breaks stay. */
function Paragraphs({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <p key={index} class="doc-paragraph">
          {paragraph}
        </p>
      ))}
    </>
  );
}

export function AssigneeNames({ assignees }: { assignees: readonly TaskAssignee[] }) {
  if (assignees.length === 0) return <span class="muted">—</span>;
  return (
    <>
      {assignees.map((assignee, index) => (
        <span key={`${assignee.orgUnitId ?? 'name'}-${assignee.unitName}`}>
          {index > 0 && '; '}
          {assignee.orgUnitId === null ? (
            <mark class="unresolved" title={t('plans.assignees.unresolvedHint')}>
              {assignee.unitName}
            </mark>
          ) : (
            assignee.unitName
          )}
        </span>
      ))}
    </>
  );
}

function TaskFacts({ task }: { task: PlanTask }) {
  const time = describeTaskTime(task.time, task.timeText);
  return (
    <dl class="doc-task">
      <div>
        <dt>{t('plans.task.lead')}</dt>
        <dd>
          <AssigneeNames assignees={task.lead} />
        </dd>
      </div>
      {task.support.length > 0 && (
        <div>
          <dt>{t('plans.task.support')}</dt>
          <dd>
            <AssigneeNames assignees={task.support} />
          </dd>
        </div>
      )}
      {time && (
        <div>
          <dt>{t('plans.task.time')}</dt>
          <dd>{time}</dd>
        </div>
      )}
      {task.expectedOutput && (
        <div>
          <dt>{t('plans.task.expectedOutput')}</dt>
          <dd>{task.expectedOutput}</dd>
        </div>
      )}
      {task.programme && (
        <div>
          <dt>{t('plans.task.programme')}</dt>
          <dd>{task.programme}</dd>
        </div>
      )}
    </dl>
  );
}

function OutlineItems({ nodes, depth }: { nodes: OutlineNode<PlanItem>[]; depth: number }) {
  return (
    <ol class="doc-outline">
      {nodes.map(({ item, children }) => (
        <li key={item.id} id={`muc-${item.id}`} class={item.task ? 'doc-item doc-item-task' : 'doc-item'}>
          <p class={depth === 0 ? 'doc-heading' : 'doc-item-title'}>
            {item.ref && <span class="doc-ref">{item.ref}</span>} {item.title}
            {item.task && <span class="badge badge-info">{t('plans.task.badge')}</span>}
          </p>
          {item.body && <Paragraphs text={item.body} />}
          {item.task && <TaskFacts task={item.task} />}
          {children.length > 0 && <OutlineItems nodes={children} depth={depth + 1} />}
        </li>
      ))}
    </ol>
  );
}

function TextSection({ title, text }: { title: string; text: string }) {
  if (!text.trim()) return null;
  return (
    <section>
      <p class="doc-heading">{title}</p>
      <Paragraphs text={text} />
    </section>
  );
}

export function PlanDocument({ plan }: { plan: PlanDetail }) {
  const tree = buildOutlineTree(plan.items);
  const signer = plan.signer;
  return (
    <article class="doc" aria-label={t('plans.document.label')}>
      <header class="doc-header">
        <div class="doc-issuer">
          <p class="doc-upper">{plan.issuerName ?? plan.orgUnit.name}</p>
          <p>{documentNumberLabel(plan)}</p>
        </div>
        <div class="doc-motto">
          <p class="doc-upper">{t('plans.document.nation')}</p>
          <p class="doc-motto-line">{t('plans.document.motto')}</p>
          <p class="doc-place">{placeAndDate(plan)}</p>
        </div>
      </header>

      <h2 class="doc-title">
        <span class="doc-kind">{t('plans.document.kind')}</span>
        <span>{plan.title}</span>
      </h2>

      {plan.bases.length > 0 && (
        <ul class="doc-bases">
          {plan.bases.map((basis) => (
            <li key={basis.id}>{t('plans.document.basis', { document: legalDocumentText(basis) })}</li>
          ))}
        </ul>
      )}

      <TextSection title={t('plans.fields.purpose')} text={plan.purpose} />
      {tree.length > 0 ? (
        <OutlineItems nodes={tree} depth={0} />
      ) : (
        <p class="muted">{t('plans.document.noContent')}</p>
      )}
      <TextSection title={t('plans.fields.budget')} text={plan.budget} />
      <TextSection title={t('plans.fields.implementation')} text={plan.implementation} />
      <TextSection title={t('plans.fields.reportingRegime')} text={plan.reportingRegime} />

      <footer class="doc-footer">
        <div class="doc-recipients">
          <p>
            <strong>
              <em>{t('plans.document.recipients')}</em>
            </strong>
          </p>
          <ul>
            {plan.recipients.map((recipient) => (
              <li key={recipient}>- {recipient}</li>
            ))}
          </ul>
        </div>
        <div class="doc-signer">
          {signer.authority && <p class="doc-upper">{signer.authority}</p>}
          {signer.deputy && <p class="doc-upper">{signer.deputy}</p>}
          {signer.position && <p class="doc-upper">{signer.position}</p>}
          <p class="doc-signature" aria-hidden="true" />
          {signer.name && <p class="doc-signer-name">{signer.name}</p>}
        </div>
      </footer>
    </article>
  );
}
