/** Time: one {@code Clock} bean, so tests control it. */
package com.ambiosys.platform.time;
