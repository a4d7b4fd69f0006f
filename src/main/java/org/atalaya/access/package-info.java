/**
 * The vocabulary of access control shared by every module: permissions, how an endpoint declares the one it needs,
 * and who is signed in. The identity module decides who holds which permission; this module only names them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access vocabulary")
package org.atalaya.access;
