import { useEffect } from 'react';

export const APP_NAME = 'IDM Sync Console';

/**
 * Sets the document title for the current route, e.g. "Mappings · IDM Sync Console". Pass the
 * page's h1 text, so the title a tab, a bookmark or a screen reader's window list shows names the
 * page as its heading does; a heading that already names the console (sign-in) is the whole title.
 */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = !title ? APP_NAME : title.includes(APP_NAME) ? title : `${title} · ${APP_NAME}`;
  }, [title]);
}
