// The web app's one way to the server: typed calls per domain, each answer checked against core's contract.
export { api, EXPORT_URL, type Me } from './endpoints';
export { programApi } from './program';
export { measuresApi, EXPORTS } from './measures';
export { clearanceApi } from './clearances';
export { sittingApi } from './sitting';
export { stressApi } from './stress';
export { ApiError, isApiError } from './api-error';
export { setUnauthenticatedHandler } from './http';
export { clinicianApi, type CaseloadParams } from './clinician';
export { practiceApi } from './practice';
