package org.threshold.hardware.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.library.linuxfs.LinuxFile;
import com.pi4j.plugin.linuxfs.LinuxFsPlugin;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalInputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalOutputProvider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Pi4J's linuxfs plugin declares {@code com.jcraft:jsch} 0.1.55 (CVE-2023-48795), which the build excludes.
 * This shows the exclusion costs nothing: jsch is gone, no class of the plugin or its library refers to it,
 * every one of them loads and links, and the providers build the context the kiosk's sysfs fallback uses.
 */
class LinuxFsWithoutJschTest {

    @Test
    void jschIsNotOnTheClassPath() {
        assertThatExceptionOfType(ClassNotFoundException.class).isThrownBy(() -> Class.forName("com.jcraft.jsch.JSch"));
    }

    @Test
    void noLinuxFsClassRefersToJschAndEachLinks() throws Exception {
        List<String> classes = new ArrayList<>();
        for (Class<?> anchor : List.of(LinuxFsPlugin.class, LinuxFile.class)) {
            try (JarFile jar = new JarFile(jarOf(anchor).toFile())) {
                for (JarEntry entry : Collections.list(jar.entries())) {
                    String name = entry.getName();
                    if (!name.endsWith(".class") || name.endsWith("module-info.class")) {
                        continue;
                    }
                    byte[] bytes = jar.getInputStream(entry).readAllBytes();
                    assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as(name).doesNotContain("com/jcraft");
                    classes.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
        assertThat(classes).hasSizeGreaterThan(20);
        for (String name : classes) {
            // Resolving every member's signature fails with NoClassDefFoundError if a type is missing.
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            type.getDeclaredMethods();
            type.getDeclaredFields();
            type.getDeclaredConstructors();
        }
    }

    @Test
    void theLinuxFsProvidersBuildTheKiosksFallbackContext() {
        Context context = Pi4J.newContextBuilder().noAutoDetect()
                .add(LinuxFsDigitalInputProvider.newInstance(), LinuxFsDigitalOutputProvider.newInstance()).build();
        try {
            assertThat(context.providers().digitalOutput()).isNotNull();
            assertThat(context.providers().digitalInput()).isNotNull();
        } finally {
            context.shutdown();
        }
    }

    private static Path jarOf(Class<?> type) throws URISyntaxException, IOException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
