/** The inbox's REST API and the WhatsApp webhook. */
package com.ambiosys.inbox.web;
