import type { publicConfig } from '@binhdang/contracts';
import type { z } from 'zod';
import { api } from './app.api-client.ts';
import { createStore } from './app.store.ts';

export type PublicConfig = z.infer<typeof publicConfig>;

export const configStore = createStore<PublicConfig | null>(null);

/** Without the config the app still works, just without the demo banner and demo accounts. */
export async function loadPublicConfig(): Promise<void> {
  try {
    configStore.set(await api.get<PublicConfig>('/config'));
  } catch {
    configStore.set(null);
  }
}
