/** What every module runs on: the database and its embedded server, command-line tools, errors as problem details. */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.atalaya.platform;
