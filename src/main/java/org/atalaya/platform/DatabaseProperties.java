package org.atalaya.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database is. {@code embedded} runs a private PostgreSQL under {@code data-directory} (demo and tests);
 * otherwise {@code url} names an external server. Migrations run as the owner role; the application runs as a role
 * that may not change or delete audit entries.
 *
 * @param embedded       run a private PostgreSQL instead of connecting to {@code url}
 * @param ephemeral      with {@code embedded}: start from an empty database in a temporary folder, removed on exit
 * @param dataDirectory  the embedded server's data folder, kept between runs
 * @param url            JDBC URL of the external server, e.g. {@code jdbc:postgresql://db.example:5432/atalaya}
 * @param username       the application's role
 * @param password       the application role's password (prefer the ATALAYA_DATABASE_PASSWORD environment variable)
 * @param ownerUsername  the role that owns the schema and runs migrations; defaults to {@code username}
 * @param ownerPassword  its password (prefer ATALAYA_DATABASE_OWNER_PASSWORD)
 */
@ConfigurationProperties("atalaya.database")
public record DatabaseProperties(
        boolean embedded,
        boolean ephemeral,
        String dataDirectory,
        String url,
        String username,
        String password,
        String ownerUsername,
        String ownerPassword) {

    public static final String EMBEDDED_APP_ROLE = "atalaya_app";

    public DatabaseProperties {
        if (dataDirectory == null || dataDirectory.isBlank()) dataDirectory = "data/postgres";
    }

    public String migrationUsername() {
        return ownerUsername == null || ownerUsername.isBlank() ? username : ownerUsername;
    }

    public String migrationPassword() {
        return ownerUsername == null || ownerUsername.isBlank() ? password : ownerPassword;
    }
}
