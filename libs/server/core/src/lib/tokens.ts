export const SIGAP_CONFIG = Symbol('SIGAP_CONFIG');
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
