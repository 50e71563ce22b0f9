import type { LoginRequest } from '@palmares/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../../lib/api-client';
import { sessionQueryKey } from './get-session';

export const login = (credentials: LoginRequest) => request(api.auth.login.$post({ json: credentials }));

/** Signs in; the session query then holds the user without another round trip. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}
