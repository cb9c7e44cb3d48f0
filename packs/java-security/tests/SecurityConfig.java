package com.example.shop.config;

import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import java.util.List;

public class SecurityConfig {
    @Bean
    SecurityFilterChain legacy(HttpSecurity http) throws Exception {
        // ruleid: JAVA-SPRING-CSRF-DISABLED
        http.csrf().disable()
            .authorizeRequests()
            // ruleid: JAVA-SPRING-PERMIT-ALL
            .anyRequest().permitAll();
        return http.build();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http
            // ruleid: JAVA-SPRING-CSRF-DISABLED
            .csrf(AbstractHttpConfigurer::disable)
            // ruleid: JAVA-SPRING-PERMIT-ALL
            .authorizeHttpRequests(auth -> auth.requestMatchers("/**").permitAll());
        return http.build();
    }

    @Bean
    SecurityFilterChain app(HttpSecurity http) throws Exception {
        // ruleid: JAVA-SPRING-CSRF-DISABLED
        http.csrf(configurer -> configurer.disable());
        // ok: JAVA-SPRING-CSRF-DISABLED
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/**"));
        // ok: JAVA-SPRING-CSRF-DISABLED
        http.cors(cors -> cors.disable());
        http.authorizeHttpRequests(auth -> auth
            // ok: JAVA-SPRING-PERMIT-ALL
            .requestMatchers("/public/**").permitAll()
            // ok: JAVA-SPRING-PERMIT-ALL
            .anyRequest().authenticated());
        // ok: JAVA-SPRING-CSRF-DISABLED, JAVA-SPRING-PERMIT-ALL
        String doc = "never http.csrf().disable() nor anyRequest().permitAll()";
        // ok: JAVA-SPRING-CSRF-DISABLED
        // http.csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    // ok: JAVA-SPRING-CSRF-DISABLED
    void csrf() {}

    void cors(CorsRegistry registry, CorsConfiguration config) {
        // ruleid: JAVA-SPRING-CORS-ANY
        registry.addMapping("/api/**").allowedOriginPatterns("*");
        // ruleid: JAVA-SPRING-CORS-ANY
        config.setAllowedOrigins(List.of("*"));
        // ruleid: JAVA-SPRING-CORS-ANY
        config.addAllowedOrigin(CorsConfiguration.ALL);
        // ok: JAVA-SPRING-CORS-ANY
        registry.addMapping("/api/**").allowedOrigins("https://shop.example.com");
        // ok: JAVA-SPRING-CORS-ANY
        config.setAllowedHeaders(List.of("*"));
        // ok: JAVA-SPRING-CORS-ANY
        String doc = "@CrossOrigin(origins = \"*\") is not allowed";
    }
}

// ruleid: JAVA-SPRING-CORS-ANY
@CrossOrigin
@RestController
class CatalogController {
    // ruleid: JAVA-SPRING-CORS-ANY
    @CrossOrigin(maxAge = 3600)
    @GetMapping("/catalog")
    String catalog() { return "[]"; }

    // ruleid: JAVA-SPRING-CORS-ANY
    @CrossOrigin({"https://a.example.com", "*"})
    @GetMapping("/offers")
    String offers() { return "[]"; }

    // ok: JAVA-SPRING-CORS-ANY
    @CrossOrigin(origins = {"https://shop.example.com"}, maxAge = 3600)
    @GetMapping("/cart")
    String cart() { return "[]"; }

    // ok: JAVA-SPRING-CORS-ANY
    @CrossOrigin("https://shop.example.com")
    @GetMapping("/orders")
    String orders() { return "[]"; }
}
