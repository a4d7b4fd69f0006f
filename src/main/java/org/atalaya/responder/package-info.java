/**
 * The responder's page: a phone-sized screen where a field unit signs on, sees its incident, reports its status
 * (en route, on scene, available) and shares its position.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Responders")
package org.atalaya.responder;
