import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { paths } from '../app/app.paths.ts';
import { Loading } from '../app/app.ui.tsx';
import { hasPermission, useSession } from '../auth/auth.session.ts';

/** "Số liệu" in the menu: those who enter figures land on the grid, the others on progress. */
export function FiguresIndexPage() {
  const session = useSession();
  const { route } = useLocation();
  const target = hasPermission(session, 'figures.write') ? paths.figuresEntry : paths.figuresProgress;
  useEffect(() => route(target, true), [target]);
  return <Loading />;
}
