import { redirect, type LoaderFunctionArgs } from 'react-router';
import { sessionQueryOptions } from '../../features/auth/api/get-session';
import { isApiError } from '../../lib/api-client';
import { loginPathFor } from '../../lib/safe-next';
import { queryClient } from '../query-client';

/** Loader of every organiser page: a signed-out visitor goes to the sign-in page, then comes back. */
export async function requireSession({ request }: LoaderFunctionArgs) {
  try {
    return await queryClient.ensureQueryData(sessionQueryOptions());
  } catch (error) {
    if (!isApiError(error, 'UNAUTHENTICATED')) throw error;
    const { pathname, search } = new URL(request.url);
    throw redirect(loginPathFor(pathname + search));
  }
}
