/**
 * What a use case answers when it cannot do what it was asked, in the domain's words: a thing not found, a conflict
 * with the current state, input that breaks a rule, an action not allowed. No HTTP here: the web layer
 * ({@code platform.web}) maps each kind to its status and renders the problem document in the caller's language.
 */
package com.ambiosys.platform.errors;
