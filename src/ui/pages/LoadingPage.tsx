/** The short-lived state while the launch or the sign-in is in progress (not a final page: no data-app-ready). */
export interface LoadingPageProps {
  message: string;
}

/** A polite live region, so a screen reader announces progress without stealing focus. */
export function LoadingPage({ message }: LoadingPageProps) {
  return (
    <main class="launch-page launch-page--loading" data-app-loading="">
      <h1 class="launch-page__title">Low-dose naltrexone check</h1>
      <p role="status" aria-live="polite">
        {message}
      </p>
    </main>
  );
}
