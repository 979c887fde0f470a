import type { OptionCombo } from '@binhdang/contracts';
import { t } from '../../i18n/i18n.ts';

/** The header row of a figures grid: the data element, then the disaggregation's columns. */
export function GridHead({ columns }: { columns: OptionCombo[] }) {
  return (
    <thead>
      <tr>
        <th scope="col" class="entry-head-element">
          {t('indicators.entry.dataElement')}
        </th>
        {columns.map((column) => (
          <th scope="col" key={column.key} class={column.computed ? 'numeric is-computed' : 'numeric'}>
            {column.name}
          </th>
        ))}
      </tr>
    </thead>
  );
}
