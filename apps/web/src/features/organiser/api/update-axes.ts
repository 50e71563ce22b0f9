import type { AxesUpdate } from '@palmares/contract';
import { api, request } from '../../../lib/api-client';
import { param } from './keys';
import { useSettingsChange } from './update-settings';

/** Replaces the theme axes (the whole list, in display order). */
export const updateAxes = (id: number, json: AxesUpdate) =>
  request(api.competitions[':id'].settings.axes.$put({ param: param(id), json }));

export const useUpdateAxes = (id: number) => useSettingsChange(id, updateAxes);
