/**
 * Libraries that cost tens of megabytes once loaded and that most requests never touch
 * (spreadsheets, image processing) load on their first use, which keeps the app's memory
 * within its budget (bench/RESULTS.md). Node caches the module after the first call.
 */
export const loadExcel = async () => (await import('exceljs')).default;
export const loadSharp = async () => (await import('sharp')).default;
