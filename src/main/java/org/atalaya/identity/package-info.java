/** Users, roles and their permissions; signing in with password and second factor; sessions and API tokens. */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.atalaya.identity;
