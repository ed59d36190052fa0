/**
 * Bearer tokens through Jakarta Security: one authentication mechanism with a door for the API
 * (the Authorization header on every request) and one for the page (a login form, then the HTTP
 * session), both checking tokens against the same identity store. The container's constraints in
 * web.xml decide who may call what.
 */
package net.presence.security;
