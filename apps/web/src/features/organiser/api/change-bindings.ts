import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { invalidateCompetition } from './keys';

export type BindingAction = 'reset' | 'revoke';

/**
 * `reset` unlocks a juror's tablets after too many wrong PINs (each chooses a new PIN);
 * `revoke` unbinds every tablet (the invitation link binds a new one).
 */
export function changeBindings(id: number, jurorId: number, action: BindingAction) {
  const bindings = api.competitions[':id'].jurors[':jurorId'].bindings;
  const param = { id: String(id), jurorId: String(jurorId) };
  return request(action === 'reset' ? bindings.reset.$post({ param }) : bindings.revoke.$post({ param }));
}

export function useChangeBindings(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ jurorId, action }: { jurorId: number; action: BindingAction }) => changeBindings(id, jurorId, action),
    onSettled: () => invalidateCompetition(queryClient, id),
  });
}
