package org.atalaya;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class Atalaya {
    public static void main(String[] args) {
        SpringApplication.run(Atalaya.class, args);
    }
}
