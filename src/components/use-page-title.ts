import { useEffect } from 'react';

export const APP_NAME = 'IDM Sync Console';

/** Sets the document title for the current route, e.g. "Mappings · IDM Sync Console". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}
