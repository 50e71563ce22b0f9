import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { organiserKeys, param } from './keys';

/** Jurors × entrants of a round, with each juror's last contact. */
export const getLiveBoard = (id: number, roundId: number) =>
  request(api.competitions[':id'].live.board.$get({ param: param(id), query: { roundId: String(roundId) } }));

export const liveBoardQueryOptions = (id: number, roundId: number) =>
  queryOptions({ queryKey: organiserKeys.board(id, roundId), queryFn: () => getLiveBoard(id, roundId) });

export const useLiveBoard = (id: number, roundId: number) => useQuery(liveBoardQueryOptions(id, roundId));
