/**
 * Response-time KPIs: answer time (NENA: 90 % within 15 s), call processing (NFPA 1225: answered to first unit
 * dispatched, 90 % within 60 s), turnout and travel times, per agency, incident type and period; charts and CSV.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Response KPIs")
package org.atalaya.kpi;
