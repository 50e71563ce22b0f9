import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { organiserKeys, param } from './keys';

/** The jury: invitation links, tablets bound or locked, last contact. */
export const getJurors = (id: number) => request(api.competitions[':id'].jurors.$get({ param: param(id) }));

export const jurorsQueryOptions = (id: number) =>
  queryOptions({ queryKey: organiserKeys.jurors(id), queryFn: () => getJurors(id) });

export const useJurors = (id: number) => useQuery(jurorsQueryOptions(id));
