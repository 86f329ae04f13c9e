import type { Module } from '../../platform/module.js';
import './messages.js';
import { geoRoutes } from './routes.js';

export { commune, formatAddress, formerProvinceCodes, province, provinces } from './reference.js';
export { addressFields, communeInProvince, instanceInfo, loadReferenceData } from './service.js';
export { AddressFields } from './views.js';

export const geoModule: Module = { name: 'geo', routes: geoRoutes };
