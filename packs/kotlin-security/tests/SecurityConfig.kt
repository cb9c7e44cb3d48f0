package com.example.app.config

import org.springframework.security.config.annotation.web.invoke

@Configuration
class SecurityConfig {
    @Bean
    fun dsl(http: HttpSecurity): SecurityFilterChain {
        http {
            // ruleid: KT-SPRING-CSRF-DISABLED
            csrf { disable() }
            authorizeHttpRequests {
                authorize("/admin/**", hasRole("ADMIN"))
                // ruleid: KT-SPRING-PERMIT-ALL
                authorize("/**", permitAll)
            }
        }
        return http.build()
    }

    @Bean
    fun lambdas(http: HttpSecurity): SecurityFilterChain {
        // ruleid: KT-SPRING-CSRF-DISABLED
        http.csrf { it.disable() }
            // ruleid: KT-SPRING-PERMIT-ALL
            .authorizeHttpRequests { it.anyRequest().permitAll() }
        // ruleid: KT-SPRING-CSRF-DISABLED
        http.csrf { csrf -> csrf.disable() }
        // ruleid: KT-SPRING-CSRF-DISABLED
        http.csrf(AbstractHttpConfigurer<*, *>::disable)
        // ruleid: KT-SPRING-CSRF-DISABLED
        http.csrf().disable()
        return http.build()
    }

    @Bean
    fun safe(http: HttpSecurity): SecurityFilterChain {
        http {
            // ok: KT-SPRING-CSRF-DISABLED
            csrf { ignoringRequestMatchers("/webhooks/**") }
            // ok: KT-SPRING-CSRF-DISABLED
            cors { disable() }
            authorizeHttpRequests {
                // ok: KT-SPRING-PERMIT-ALL
                authorize("/public/**", permitAll)
                // ok: KT-SPRING-PERMIT-ALL
                authorize(anyRequest, authenticated)
            }
        }
        // ok: KT-SPRING-CSRF-DISABLED
        http.csrf { it.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse()) }
        // ok: KT-SPRING-PERMIT-ALL
        http.authorizeHttpRequests { it.anyRequest().authenticated() }
        // ok: KT-SPRING-CSRF-DISABLED, KT-SPRING-PERMIT-ALL
        val review = "csrf { disable() } and authorize(anyRequest, permitAll) need sign-off"
        // ok: KT-SPRING-CSRF-DISABLED
        // http.csrf().disable()
        // ok: KT-SPRING-PERMIT-ALL
        // authorize(anyRequest, permitAll)
        return http.build()
    }

    // ok: KT-SPRING-CSRF-DISABLED
    fun disable() = Unit

    // ok: KT-SPRING-PERMIT-ALL
    fun authorize(pattern: String, access: String) = Unit
}
