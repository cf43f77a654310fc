package org.child.bench.lrs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU ticks (1/100 s) of the machine and of each party, read from /proc, so a result shows what was
 * busy during a measured window: the LRS under test (the tool's JVM or the npm LRS's node process),
 * the bench database's PostgreSQL backends (only those: other sessions share the server), this
 * driver, and everything else (other sessions on the same 2 cores).
 */
record Cpu(long machineBusy, long lrs, long postgres, long self) {

  static final double TICKS_PER_SECOND = 100; // Linux USER_HZ on x86-64

  static Cpu read(long lrsPid, String database) {
    try {
      String[] stat = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      // user nice system idle iowait irq softirq steal: all but idle and iowait
      for (int i = 1; i <= 8; i++) {
        if (i != 4 && i != 5) {
          busy += Long.parseLong(stat[i]);
        }
      }
      long postgres = 0;
      try (var dirs = Files.list(Path.of("/proc"))) {
        for (Path dir : (Iterable<Path>) dirs::iterator) {
          if (dir.getFileName().toString().chars().allMatch(Character::isDigit)) {
            try {
              String s = Files.readString(dir.resolve("stat"));
              if (s.contains("(postgres)")
                  && Files.readString(dir.resolve("cmdline")).contains(" " + database + " ")) {
                postgres += ticksOf(s);
              }
            } catch (IOException gone) {
              // the process ended meanwhile
            }
          }
        }
      }
      return new Cpu(busy, ticks(lrsPid), postgres, ticks(ProcessHandle.current().pid()));
    } catch (IOException e) {
      return new Cpu(0, 0, 0, 0);
    }
  }

  private static long ticks(long pid) throws IOException {
    return pid > 0 ? ticksOf(Files.readString(Path.of("/proc/" + pid + "/stat"))) : 0;
  }

  private static long ticksOf(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
  }

  Cpu minus(Cpu before) {
    return new Cpu(
        machineBusy - before.machineBusy,
        lrs - before.lrs,
        postgres - before.postgres,
        self - before.self);
  }

  /** "lrs / PostgreSQL / driver / everything else" in cores over {@code seconds}. */
  String cores(double seconds) {
    double t = TICKS_PER_SECOND * seconds;
    return String.format(
        java.util.Locale.ROOT,
        "%.2f / %.2f / %.2f / %.2f",
        lrs / t,
        postgres / t,
        self / t,
        (machineBusy - lrs - postgres - self) / t);
  }
}
