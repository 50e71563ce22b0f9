import type { RubricUpdate } from '@palmares/contract';
import { api, request } from '../../../lib/api-client';
import { param } from './keys';
import { useSettingsChange } from './update-settings';

/** Replaces the scale and the rubric (every criterion, in order). */
export const updateRubric = (id: number, json: RubricUpdate) =>
  request(api.competitions[':id'].settings.rubric.$put({ param: param(id), json }));

export const useUpdateRubric = (id: number) => useSettingsChange(id, updateRubric);
