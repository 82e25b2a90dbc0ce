export { api, EXPORT_URL, type Me } from './endpoints';
export { ApiError, isApiError } from './api-error';
export { setUnauthenticatedHandler } from './http';
