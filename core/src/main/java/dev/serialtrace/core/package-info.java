/** Domain types and rules of serial tracking, with no I/O. */
package dev.serialtrace.core;
