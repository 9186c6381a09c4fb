package io.podcomposer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PodComposerApplication {

	public static void main(String[] args) {
		SpringApplication.run(PodComposerApplication.class, args);
	}

}
