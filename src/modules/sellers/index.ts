import type { Module } from '../../platform/module.js';

export const sellersModule: Module = { name: 'sellers' };
