package io.braid.server.api;

import io.braid.server.auth.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The console's files, read once at start-up from the {@code console/} folder on the class path (inside
 * the jar, or target/classes in a build) with their content type and ETag. The map is also the
 * whitelist: a name that is not in it is not served, whatever it looks like. Loading them up front
 * keeps the first visit after a start as fast as the others.
 */
final class ConsoleFiles {
    private static final String FOLDER = "console/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    record File(byte[] bytes, String type, String etag) {}

    private ConsoleFiles() {}

    static Map<String, File> load() {
        URL index = ConsoleFiles.class.getResource("/" + FOLDER + "index.html");
        if (index == null) {
            throw new IllegalStateException("the console's files are missing from the class path (" + FOLDER + ")");
        }
        Map<String, File> files = new HashMap<>();
        try {
            if (index.getProtocol().equals("jar")) {
                JarFile jar = ((JarURLConnection) index.openConnection()).getJarFile();
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    JarEntry entry = e.nextElement();
                    if (entry.getName().startsWith(FOLDER) && !entry.isDirectory()) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            add(files, entry.getName().substring(FOLDER.length()), in.readAllBytes());
                        }
                    }
                }
            } else {
                Path root = Path.of(index.toURI()).getParent();
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path p : walk.filter(Files::isRegularFile).toList()) {
                        add(files, root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console's files", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return Map.copyOf(files);
    }

    private static void add(Map<String, File> files, String name, byte[] bytes) {
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (type != null) {
            String etag = "\"" + Sha256.hex(new String(bytes, StandardCharsets.ISO_8859_1)).substring(0, 32) + "\"";
            files.put(name, new File(bytes, type, etag));
        }
    }
}
