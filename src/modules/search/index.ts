import type { Module } from '../../platform/module.js';
import './messages.js';
import { searchRoutes } from './routes.js';
import { synonymRoutes } from './routes-synonyms.js';

export { fold, removeSearchDoc, type SearchDoc, upsertSearchDocs } from './documents.js';
export {
  type CategoryNames,
  type Facets,
  type FacetValue,
  PAGE_SIZE,
  type ScoreParts,
  type SearchEngine,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type Sort,
  type Suggestion,
  sorts,
} from './engine.js';
export { presentHit, productUrl } from './presenters.js';
export { searchEngine } from './service.js';

export const searchModule: Module = {
  name: 'search',
  routes(app, deps) {
    searchRoutes(app, deps);
    synonymRoutes(app, deps);
  },
};
