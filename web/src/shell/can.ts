import { useAuth } from '../auth/AuthContext';

/** Whether the signed-in user holds a permission (`customers:delete`), as the server checks it on every endpoint. */
export type Can = (permission: string) => boolean;

/**
 * The one question every action button asks before it shows: may this user do it? The answer is the user's
 * permissions from `/me` (roles and per-user grants), the same the server checks. State rules of a record
 * (what a service request may move to) come with the record and are applied beside it (requests/actions.ts).
 */
export function useCan(): Can {
  return useAuth().can;
}
