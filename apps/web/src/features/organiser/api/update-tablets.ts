import type { TabletSettingsUpdate } from '@palmares/contract';
import { api, request } from '../../../lib/api-client';
import { param } from './keys';
import { useSettingsChange } from './update-settings';

/** How the jurors' tablets behave (the idle lock); editable on the day, after round 1 opened too. */
export const updateTablets = (id: number, json: TabletSettingsUpdate) =>
  request(api.competitions[':id'].settings.tablets.$put({ param: param(id), json }));

export const useUpdateTablets = (id: number) => useSettingsChange(id, updateTablets);
