import type { Module } from '../../platform/module.js';

export const catalogModule: Module = { name: 'catalog' };
