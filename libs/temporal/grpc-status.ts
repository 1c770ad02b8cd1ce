/** The gRPC status codes the Temporal server answers that our code tells apart. */
export const GRPC_NOT_FOUND = 5;
/** A method the server does not have (the time-skipping test server lacks some). */
export const GRPC_UNIMPLEMENTED = 12;
