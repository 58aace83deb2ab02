/**
 * Identity's internals: users and roles with their stores, login, tokens and sessions, password resets, the
 * access log and the security configuration. Public only for identity's own {@code web} package and root;
 * no other module may use them ({@code ApplicationModules.verify()} refuses it).
 */
package com.ambiosys.identity.internal;
