/** Small transaction helpers shared by modules. */
package com.ambiosys.platform.tx;
