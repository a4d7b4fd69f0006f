/** The operator console's frame: layout, navigation, languages, keyboard shortcuts and the overview page. */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package org.atalaya.console;
