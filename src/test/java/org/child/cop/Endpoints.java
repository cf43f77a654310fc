package org.child.cop;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.child.cop.identity.boundary.AdministratorOnly;

/**
 * Every JAX-RS endpoint of the tool, found by reading the compiled classes, so that security tests
 * cover endpoints nobody remembered to list.
 */
public final class Endpoints {

  /** One HTTP method on one path (path parameters filled with {@code x}). */
  public record Endpoint(String method, String path, boolean administratorOnly) {
    @Override
    public String toString() {
      return method + " /" + path;
    }
  }

  private static final Map<Class<? extends Annotation>, String> METHODS =
      Map.of(
          GET.class, "GET",
          POST.class, "POST",
          PUT.class, "PUT",
          DELETE.class, "DELETE",
          PATCH.class, "PATCH",
          HEAD.class, "HEAD");

  private Endpoints() {}

  public static List<Endpoint> all() {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Class<?> type : compiledClasses()) {
      Path classPath = type.getAnnotation(Path.class);
      if (classPath == null) {
        continue;
      }
      for (Method method : type.getDeclaredMethods()) {
        for (var entry : METHODS.entrySet()) {
          if (method.isAnnotationPresent(entry.getKey())) {
            Path methodPath = method.getAnnotation(Path.class);
            String path = join(classPath.value(), methodPath == null ? "" : methodPath.value());
            boolean guarded =
                type.isAnnotationPresent(AdministratorOnly.class)
                    || method.isAnnotationPresent(AdministratorOnly.class);
            endpoints.add(new Endpoint(entry.getValue(), path, guarded));
          }
        }
      }
    }
    return endpoints;
  }

  public static List<Endpoint> administratorOnly() {
    return all().stream().filter(Endpoint::administratorOnly).toList();
  }

  private static String join(String first, String second) {
    String path = (strip(first) + "/" + strip(second)).replaceAll("/+", "/");
    path = strip(path);
    return path.replaceAll("\\{[^}]+}", "x");
  }

  private static String strip(String path) {
    return path.replaceAll("^/+|/+$", "");
  }

  private static List<Class<?>> compiledClasses() {
    java.nio.file.Path root = Paths.get("target", "classes");
    try (Stream<java.nio.file.Path> files = Files.walk(root)) {
      return files
          .filter(file -> file.toString().endsWith(".class"))
          .map(file -> root.relativize(file).toString())
          .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
          .map(Endpoints::load)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, Endpoints.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
