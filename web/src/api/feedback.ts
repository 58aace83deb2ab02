/**
 * What the request core tells the user after a change went through: saved, deleted, or undone. The shell's
 * `FeedbackProvider` listens and shows it as a snackbar, so every save and delete of every screen gets one
 * without the screen doing anything.
 */
/** `failed`: an undo the API refused */
export type FeedbackKind = 'saved' | 'deleted' | 'undone' | 'failed';

export interface Feedback {
  kind: FeedbackKind;
  /** puts back what was just changed (a soft delete the API can restore); offered as "Deshacer" */
  undo?: () => Promise<unknown>;
}

type Listener = (feedback: Feedback) => void;
const listeners = new Set<Listener>();

export const feedback = {
  /** listens to every change the API confirmed; answers the way to stop listening */
  listen(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  tell(f: Feedback) {
    listeners.forEach((l) => l(f));
  },
};

/** The feedback a successful call deserves: none for a read, a sign-in or a quiet call; deleted or saved otherwise. */
export function feedbackOf(path: string, method: string, quiet: boolean | undefined): FeedbackKind | null {
  if (quiet || method === 'GET' || method === 'HEAD' || path.startsWith('/api/v1/auth/')) return null;
  return method === 'DELETE' ? 'deleted' : 'saved';
}
