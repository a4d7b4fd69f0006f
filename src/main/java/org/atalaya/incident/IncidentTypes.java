package org.atalaya.incident;

import java.util.List;
import java.util.Optional;

/** The incident taxonomy. */
public interface IncidentTypes {

    List<IncidentType> all();

    Optional<IncidentType> find(String code);
}
