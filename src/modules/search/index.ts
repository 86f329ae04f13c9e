import type { Module } from '../../platform/module.js';

export { fold, removeSearchDoc, type SearchDoc, upsertSearchDocs } from './documents.js';

export const searchModule: Module = { name: 'search' };
