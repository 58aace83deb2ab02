/** HTTP API of identity: authentication, the current user, and administration of users and roles. */
package com.ambiosys.identity.web;
