package org.child.cop.xapi;

/**
 * The outcome of a statement. {@code duration} is an ISO 8601 duration kept as written (xAPI allows
 * years and months, which {@link java.time.Duration} does not).
 */
public record Result(
    Score score,
    Boolean success,
    Boolean completion,
    String response,
    String duration,
    Extensions extensions) {

  public Result {
    if (duration != null) {
      new Violations()
          .require(
              Syntax.isDuration(duration),
              "duration",
              "must be an ISO 8601 duration, not '" + Syntax.cut(duration) + "'")
          .throwIfAny();
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a result; unset members are left out of the JSON. */
  public static final class Builder {
    private Score score;
    private Boolean success;
    private Boolean completion;
    private String response;
    private String duration;
    private Extensions extensions;

    private Builder() {}

    public Builder score(Score score) {
      this.score = score;
      return this;
    }

    public Builder success(boolean success) {
      this.success = success;
      return this;
    }

    public Builder completion(boolean completion) {
      this.completion = completion;
      return this;
    }

    public Builder response(String response) {
      this.response = response;
      return this;
    }

    public Builder duration(String iso8601) {
      this.duration = iso8601;
      return this;
    }

    public Builder duration(java.time.Duration duration) {
      this.duration = duration.toString();
      return this;
    }

    public Builder extensions(Extensions extensions) {
      this.extensions = extensions;
      return this;
    }

    public Result build() {
      return new Result(score, success, completion, response, duration, extensions);
    }
  }
}
