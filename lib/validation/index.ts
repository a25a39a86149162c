// Field rules of SPEC section 6, shared by the client wizards and the server.
export * from './contact';
export * from './documents';
export * from './identity';
export * from './ids';
export * from './network';
export * from './site-name';
export * from './upload';
