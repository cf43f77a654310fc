package org.child.cop.storage.control;

/** Where the schema stands: migration pending, current at a version, or failed for a reason. */
public record SchemaState(Status status, String version, String problem) {

  public enum Status {
    PENDING,
    CURRENT,
    FAILED
  }

  static SchemaState pending() {
    return new SchemaState(Status.PENDING, null, "migration has not run yet");
  }

  static SchemaState current(String version) {
    return new SchemaState(Status.CURRENT, version, null);
  }

  static SchemaState failed(String problem) {
    return new SchemaState(Status.FAILED, null, problem);
  }

  public boolean isCurrent() {
    return status == Status.CURRENT;
  }
}
