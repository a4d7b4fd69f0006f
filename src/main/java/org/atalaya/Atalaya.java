package org.atalaya;

import org.atalaya.cli.Launcher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class Atalaya {

    public static void main(String[] args) {
        int exitCode = new Launcher(Atalaya.class, System.out, System.err).run(args);
        if (exitCode != Launcher.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }
}
