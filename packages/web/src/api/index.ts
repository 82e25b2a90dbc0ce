export { api, EXPORT_URL, meSchema, type Me } from './endpoints';
export { ApiError, isApiError } from './api-error';
export { setUnauthenticatedHandler } from './http';
