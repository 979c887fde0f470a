import type {
  Attachment,
  TaskProgressDetail,
  taskList,
  taskListQuery,
  updateProgressInput,
} from '@binhdang/contracts';
import type { z } from 'zod';
import { api } from '../app/app.api-client.ts';

export type TaskList = z.infer<typeof taskList>;
export type TaskFilter = z.infer<typeof taskListQuery>['filter'];
export type UpdateProgressInput = z.input<typeof updateProgressInput>;

export interface TaskSearch {
  orgUnitId?: number;
  filter?: TaskFilter;
  year?: number;
  planId?: number;
  limit?: number;
}

export function listTasks(search: TaskSearch, signal?: AbortSignal): Promise<TaskList> {
  return api.get<TaskList>('/tasks', { ...search }, signal);
}

export function fetchTaskProgress(
  taskId: number,
  unitId: number,
  signal?: AbortSignal,
): Promise<TaskProgressDetail> {
  return api.get<TaskProgressDetail>(`/tasks/${taskId}/units/${unitId}`, undefined, signal);
}

/** Refused with `tasks.conflict` when someone saved since `revision`. */
export function updateTaskProgress(
  taskId: number,
  unitId: number,
  input: UpdateProgressInput,
): Promise<TaskProgressDetail> {
  return api.put<TaskProgressDetail>(`/tasks/${taskId}/units/${unitId}`, input);
}

export function uploadAttachment(taskId: number, unitId: number, file: File): Promise<Attachment> {
  return api.upload<Attachment>(`/tasks/${taskId}/units/${unitId}/attachments`, file);
}
