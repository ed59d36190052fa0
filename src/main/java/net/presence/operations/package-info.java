/**
 * What operators of the service use beside the API: the OpenAPI document, health probes, metrics,
 * the access log, the version and an orderly shutdown. The top of the stack: it may look at every
 * other package, and none looks at it.
 */
package net.presence.operations;
