package dev.gitops.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@link Main#quietLogging()}: SLF4J gets its provider by name, quietly, unless the caller chose. */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class MainLoggingTest {
    private String provider;
    private String verbosity;

    @BeforeEach
    void save() {
        provider = System.getProperty("slf4j.provider");
        verbosity = System.getProperty("slf4j.internal.verbosity");
        System.clearProperty("slf4j.provider");
        System.clearProperty("slf4j.internal.verbosity");
    }

    @AfterEach
    void restore() {
        set("slf4j.provider", provider);
        set("slf4j.internal.verbosity", verbosity);
    }

    @Test
    void unset_namesSlf4jSimple_andReportsOnlyWarnings() throws ClassNotFoundException {
        Main.quietLogging();
        assertEquals("org.slf4j.simple.SimpleServiceProvider", System.getProperty("slf4j.provider"));
        assertEquals("WARN", System.getProperty("slf4j.internal.verbosity"));
        Class.forName(System.getProperty("slf4j.provider")); // the named provider is on the class path
    }

    @Test
    void providerChosenByTheCaller_isLeftAlone() {
        System.setProperty("slf4j.provider", "org.example.Other");
        Main.quietLogging();
        assertEquals("org.example.Other", System.getProperty("slf4j.provider"));
        assertNull(System.getProperty("slf4j.internal.verbosity"));
    }

    @Test
    void verbosityChosenByTheCaller_isLeftAlone() {
        System.setProperty("slf4j.internal.verbosity", "DEBUG");
        Main.quietLogging();
        assertEquals("DEBUG", System.getProperty("slf4j.internal.verbosity"));
    }

    private static void set(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
