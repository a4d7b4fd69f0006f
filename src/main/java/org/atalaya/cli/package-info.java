/** The {@code atalaya} command: demo, serve, and the modules' tools run against the same database. */
@org.springframework.modulith.ApplicationModule(displayName = "Command line")
package org.atalaya.cli;
