/** Where the database is: an external PostgreSQL by configuration, or our own embedded one. */
package com.ambiosys.platform.database;
