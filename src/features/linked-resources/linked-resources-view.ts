/**
 * The linked-resources view in the URL: the current resource (`resourceName`) and the trail of
 * resources the user pivoted through to reach it (`via`, oldest first).
 */
export interface LinkedResourcesView {
  resourceName: string;
  trail: string[];
}

const RESOURCE_PATH = /^(managed\/[^/\s]+\/[^/\s]+|system\/[^/\s]+\/[^/\s]+\/[^/\s]+)$/;

/** Null when `path` is a resource path, else what is wrong with it. */
export function checkResourcePath(path: string): string | null {
  const text = path.trim();
  if (text === '') return 'Enter a resource path.';
  if (RESOURCE_PATH.test(text)) return null;
  if (/^(managed|system)\/.*\/$/.test(text)) return 'Add the object id after the collection.';
  return 'A resource path looks like managed/<type>/<id> or system/<connector>/<type>/<id>.';
}

export function readLinkedResourcesView(params: URLSearchParams): LinkedResourcesView {
  return { resourceName: (params.get('resourceName') ?? '').trim(), trail: params.getAll('via') };
}

export function writeLinkedResourcesView(view: LinkedResourcesView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.resourceName) params.set('resourceName', view.resourceName);
  for (const step of view.trail) params.append('via', step);
  return params;
}

/** The view after pivoting from the current resource to `next`. */
export function pivot(view: LinkedResourcesView, next: string): LinkedResourcesView {
  return { resourceName: next, trail: view.resourceName ? [...view.trail, view.resourceName] : view.trail };
}

/** The view after going back to the trail's step at `index`. */
export function backTo(view: LinkedResourcesView, index: number): LinkedResourcesView {
  const step = view.trail[index];
  return step === undefined ? view : { resourceName: step, trail: view.trail.slice(0, index) };
}

export function linkedResourcesHref(view: LinkedResourcesView): string {
  return `?${writeLinkedResourcesView(view).toString()}`;
}
