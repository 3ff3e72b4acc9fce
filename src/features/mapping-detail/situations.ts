/** What the mapping page needs to know about a mapping's keys; the situations come from lib. */
export { SITUATIONS } from '../../lib/idm-vocabulary';

/** Keys the page shows in their own sections; every other key set on the mapping is listed as is. */
export const SECTION_KEYS = new Set([
  '_id',
  'name',
  'displayName',
  'source',
  'target',
  'properties',
  'policies',
  'correlationQuery',
  'correlationScript',
  'validSource',
  'validTarget',
  'sourceCondition',
  'queuedSync',
]);
